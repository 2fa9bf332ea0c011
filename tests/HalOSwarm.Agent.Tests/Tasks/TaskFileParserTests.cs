using HalOSwarm.Agent.Tasks;

namespace HalOSwarm.Agent.Tests.Tasks;

public sealed class TaskFileParserTests
{
    [Fact]
    public void Parse_HeadingAndCheckboxes()
    {
        var data = TaskFileParser.Parse("proj", """
            Some intro line

            # Build the login page

            - [x] form
            - [X] validation
            - [ ] tests
            * [ ] docs
            - not a checkbox
            """);

        Assert.Equal("proj", data.Project);
        Assert.Equal("Build the login page", data.CurrentTask);
        Assert.Equal(2, data.Done);
        Assert.Equal(4, data.Total);
    }

    [Fact]
    public void Parse_NoHeading_UsesFirstNonEmptyLine()
    {
        var data = TaskFileParser.Parse("p", "\n\n  Fix the flaky test  \n- [ ] a\n");

        Assert.Equal("Fix the flaky test", data.CurrentTask);
        Assert.Equal(0, data.Done);
        Assert.Equal(1, data.Total);
    }

    [Fact]
    public void Parse_Empty_HasNoTask()
    {
        var data = TaskFileParser.Parse("p", "");

        Assert.Null(data.CurrentTask);
        Assert.Equal(0, data.Total);
    }
}
