using System.Buffers.Text;
using System.Text;

namespace HalOSwarm.Supervisor.Api;

/// <summary>Opaque page cursors: base64url of the sort key of the last row returned.</summary>
internal static class Cursor
{
    public static string Encode(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    public static bool TryDecode(string cursor, out string key)
    {
        key = "";
        try
        {
            key = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return key.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
