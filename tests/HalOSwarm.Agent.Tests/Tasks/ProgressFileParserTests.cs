using HalOSwarm.Agent.Tasks;

namespace HalOSwarm.Agent.Tests.Tasks;

public sealed class ProgressFileParserTests
{
    [Theory]
    [InlineData("Status: done", "Status: done")]
    [InlineData("# Progress\n\nSTATUS: DONE\n", "STATUS: DONE")]
    [InlineData("**Status:** Done — shipped", "**Status:** Done — shipped")]
    [InlineData("- status: done", "- status: done")]
    [InlineData("- [ ] tests\n- [x] DONE\n", "- [x] DONE")]
    [InlineData("## DONE", "## DONE")]
    [InlineData("# Project done ✅", "# Project done ✅")]
    public void FindDoneMarker_MarkedDone_ReturnsTheLine(string content, string expected) =>
        Assert.Equal(expected, ProgressFileParser.FindDoneMarker(content));

    [Theory]
    [InlineData("")]
    [InlineData("Status: in progress")]
    [InlineData("Status: not done")]
    [InlineData("- [ ] DONE")]
    [InlineData("## Not done yet")]
    [InlineData("## What is done?")]
    [InlineData("## Remaining before done")]
    [InlineData("We are almost done with the parser")]
    public void FindDoneMarker_NotMarked_ReturnsNull(string content) =>
        Assert.Null(ProgressFileParser.FindDoneMarker(content));
}
