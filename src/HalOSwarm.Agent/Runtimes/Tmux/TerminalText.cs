using System.Text;
using System.Text.RegularExpressions;

namespace HalOSwarm.Agent.Runtimes.Tmux;

/// <summary>
/// Turns what a program wrote to its terminal into plain text: escape sequences (colours, cursor moves,
/// titles) removed, CR LF made LF, a line rewritten after a bare CR (progress bars) kept as its last
/// version, backspaces applied. Also finds how much of a byte chunk can be read without cutting an
/// escape sequence or a UTF-8 character in two.
/// </summary>
internal static partial class TerminalText
{
    private const byte Esc = 0x1B;

    public static string Clean(string raw) =>
        string.Join('\n', Escapes().Replace(raw, "").Split('\n').Select(CleanLine));

    private static string CleanLine(string line)
    {
        line = line.TrimEnd('\r');
        var lastReturn = line.LastIndexOf('\r');
        if (lastReturn >= 0)
        {
            line = line[(lastReturn + 1)..];
        }
        if (!line.Contains('\b', StringComparison.Ordinal))
        {
            return StripControls(line);
        }
        var kept = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (c == '\b')
            {
                if (kept.Length > 0)
                {
                    kept.Length--;
                }
            }
            else
            {
                kept.Append(c);
            }
        }
        return StripControls(kept.ToString());
    }

    private static string StripControls(string line) =>
        line.Any(c => c < ' ' && c != '\t') ? new string([.. line.Where(c => c >= ' ' || c == '\t')]) : line;

    /// <summary>
    /// How many bytes of <paramref name="chunk"/> can be decoded now: all of it, less an escape sequence or
    /// UTF-8 character at the end that has not been written whole yet.
    /// </summary>
    public static int SafeLength(ReadOnlySpan<byte> chunk)
    {
        var length = chunk.Length;
        var esc = chunk.LastIndexOf(Esc);
        if (esc >= 0 && !IsCompleteEscape(chunk[esc..]))
        {
            length = esc;
        }
        // Back off a UTF-8 sequence whose continuation bytes have not arrived.
        for (var back = 1; back <= 3 && back <= length; back++)
        {
            var b = chunk[length - back];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }
            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? length - back : length;
        }
        return length;
    }

    private static bool IsCompleteEscape(ReadOnlySpan<byte> sequence)
    {
        if (sequence.Length < 2)
        {
            return false;
        }
        switch (sequence[1])
        {
            case (byte)'[':
                for (var i = 2; i < sequence.Length; i++)
                {
                    if (sequence[i] is >= 0x40 and <= 0x7E)
                    {
                        return true;
                    }
                }
                return false;
            case (byte)']' or (byte)'P' or (byte)'_' or (byte)'^':
                // OSC / DCS: ends with BEL or ESC \ (the ESC of which would be the last one found).
                return sequence.IndexOf((byte)0x07) >= 0;
            case (byte)'(' or (byte)')' or (byte)'#':
                return sequence.Length >= 3;
            default:
                return true;
        }
    }

    [GeneratedRegex(@"\x1B(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1B]*(?:\x07|\x1B\\)|[P_^][^\x1B]*\x1B\\|[()#][0-9A-Za-z]|[@-Z\\-_=>78])")]
    private static partial Regex Escapes();
}
