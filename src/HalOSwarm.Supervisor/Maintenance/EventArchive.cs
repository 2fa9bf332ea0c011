using System.IO.Compression;
using System.Text.Json;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Maintenance;

/// <summary>
/// Appends events to a gzip'd JSON-lines file, one event per line in the API's shape (<c>id, node_id, seq, type,
/// session_id, ts, data</c>). Each batch is a gzip member of its own, written and synced to disk before its events are
/// deleted, so a crash mid-pass leaves a file that <c>zcat</c> reads whole and no deleted event outside it.
/// </summary>
internal static class EventArchive
{
    public static async Task AppendAsync(string path, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
        {
            await using var json = new Utf8JsonWriter(gzip);
            foreach (var stored in events)
            {
                StoredEventJsonConverter.WriteEvent(json, stored);
                await json.FlushAsync(cancellationToken);
                json.Reset();
                gzip.WriteByte((byte)'\n');
            }
        }
        file.Flush(flushToDisk: true);
    }
}
