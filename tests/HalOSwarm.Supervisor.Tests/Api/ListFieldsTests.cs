using System.Text.Json;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Tests.Api;

public sealed class ListFieldsTests
{
    [Fact]
    public void Shorten_LongStringsAtAnyDepth_CutWithANoteOthersKept()
    {
        var longText = new string('a', ListFields.MaxChars + 10);
        var value = JsonSerializer.SerializeToElement(new
        {
            text = longText,
            keep = "short",
            n = 7,
            env = new { notes = longText, list = new object[] { longText, "x", new { deep = longText } } },
        });

        var shown = ListFields.Shorten(value)!.Value;

        var cut = new string('a', ListFields.MaxChars) + "… [10 more characters]";
        Assert.Equal(cut, shown.GetProperty("text").GetString());
        Assert.Equal("short", shown.GetProperty("keep").GetString());
        Assert.Equal(7, shown.GetProperty("n").GetInt32());
        Assert.Equal(cut, shown.GetProperty("env").GetProperty("notes").GetString());
        Assert.Equal(cut, shown.GetProperty("env").GetProperty("list")[0].GetString());
        Assert.Equal("x", shown.GetProperty("env").GetProperty("list")[1].GetString());
        Assert.Equal(cut, shown.GetProperty("env").GetProperty("list")[2].GetProperty("deep").GetString());
    }

    [Fact]
    public void Shorten_ShortValueOrLongTopLevelString_AsExpected()
    {
        var small = JsonSerializer.SerializeToElement(new { a = "b" });
        Assert.Equal(small.GetRawText(), ListFields.Shorten(small)!.Value.GetRawText());
        var top = JsonSerializer.SerializeToElement(new string('z', ListFields.MaxChars + 1));
        Assert.EndsWith("… [1 more characters]", ListFields.Shorten(top)!.Value.GetString(), StringComparison.Ordinal);
        Assert.Null(ListFields.Shorten((string?)null));
    }
}
