using HalOSwarm.Agent.Runtimes.Tmux;
using HalOSwarm.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace HalOSwarm.Agent.Tests.Runtimes.Tmux;

public sealed class ScreenClassifierTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    private ScreenClassifier New(ActivityPatterns? patterns = null) =>
        new(patterns ?? ActivityPatterns.FromDefaults(), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), _time);

    [Fact]
    public void OnOutput_PlainLines_Working()
    {
        var classifier = New();
        Assert.Equal(ActivityStates.Initializing, classifier.State);
        Assert.True(classifier.OnOutput("compiling module 1\ncompiling module 2\n", "compiling module 2"));
        Assert.Equal(ActivityStates.Working, classifier.State);
        Assert.False(classifier.OnOutput("compiling module 3\n", "compiling module 3"));
    }

    [Theory]
    [InlineData("Your answer?")]
    [InlineData("Overwrite the file? (y/n)")]
    [InlineData("Continue (yes/no):")]
    [InlineData(">")]
    [InlineData("claude >")]
    public void OnOutput_PromptOnCursorLine_WaitingForInput(string cursorLine)
    {
        var classifier = New();
        Assert.True(classifier.OnOutput("some work\n" + cursorLine, cursorLine));
        Assert.Equal(ActivityStates.WaitingForInput, classifier.State);
        Assert.Equal(cursorLine, classifier.Detail);
    }

    [Fact]
    public void OnOutput_QuestionInEarlierLineButWorkOnCursorLine_Working()
    {
        var classifier = New();
        classifier.OnOutput("Should I refactor?\nrefactoring parser.cs\n", "refactoring parser.cs");
        Assert.Equal(ActivityStates.Working, classifier.State);
    }

    [Theory]
    [InlineData("Error: the build failed")]
    [InlineData("Traceback (most recent call last):")]
    [InlineData("fatal: not a git repository")]
    [InlineData("panic: runtime error: index out of range")]
    public void OnOutput_ErrorLine_ErrorEvenWithPromptAfter(string line)
    {
        var classifier = New();
        classifier.OnOutput($"{line}\nRetry?", "Retry?");
        Assert.Equal(ActivityStates.Error, classifier.State);
        Assert.Equal(line, classifier.Detail);
    }

    [Fact]
    public void OnOutput_DoneMarker_CompleteThenNewOutputWorks()
    {
        var classifier = New();
        classifier.OnOutput("last step\nALL DONE\n", "ALL DONE");
        Assert.Equal(ActivityStates.Complete, classifier.State);
        classifier.OnOutput("starting over\n", "starting over");
        Assert.Equal(ActivityStates.Working, classifier.State);
    }

    [Fact]
    public void OnOutput_TestAndThinkingLines_LatestKindWins()
    {
        var classifier = New();
        classifier.OnOutput("Thinking...\n", null);
        Assert.Equal(ActivityStates.Thinking, classifier.State);
        classifier.OnOutput("Thinking...\nRunning tests for the parser\n", null);
        Assert.Equal(ActivityStates.Testing, classifier.State);
        // test output that names no kind keeps the phase
        classifier.OnOutput("  passed: 12\n", null);
        Assert.Equal(ActivityStates.Testing, classifier.State);
    }

    [Fact]
    public void OnSilence_WorkingThenQuiet_IdleAfterThresholdThenStuck()
    {
        var classifier = New();
        classifier.OnOutput("working\n", "working");
        _time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.False(classifier.OnSilence());
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(classifier.OnSilence());
        Assert.Equal(ActivityStates.Idle, classifier.State);
        _time.Advance(TimeSpan.FromSeconds(49));
        Assert.False(classifier.OnSilence());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(classifier.OnSilence());
        Assert.Equal(ActivityStates.Stuck, classifier.State);
        Assert.Contains("60 s", classifier.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void OnSilence_WaitingForInputOrComplete_NeverIdleOrStuck()
    {
        var waiting = New();
        waiting.OnOutput("Name?", "Name?");
        var complete = New();
        complete.OnOutput("All done.\n", "All done.");
        _time.Advance(TimeSpan.FromHours(2));
        Assert.False(waiting.OnSilence());
        Assert.False(complete.OnSilence());
        Assert.Equal(ActivityStates.WaitingForInput, waiting.State);
        Assert.Equal(ActivityStates.Complete, complete.State);
    }

    [Fact]
    public void OnExit_AfterDoneMarker_StillAChangeAndFinal()
    {
        var classifier = New();
        classifier.OnOutput("ALL DONE\n", "ALL DONE");
        Assert.True(classifier.OnExit(0));
        Assert.Equal(ActivityStates.Complete, classifier.State);
        Assert.False(classifier.OnOutput("late\n", "late"));
        Assert.False(classifier.OnExit(0));
        Assert.True(classifier.Exited);
    }

    [Fact]
    public void OnExit_NonZero_Error()
    {
        var classifier = New();
        Assert.True(classifier.OnExit(3));
        Assert.Equal(ActivityStates.Error, classifier.State);
        Assert.Equal("the program exited with status 3", classifier.Detail);
    }

    [Fact]
    public void Patterns_ConfiguredForAState_ReplaceItsDefaults()
    {
        var patterns = new ActivityPatterns(new Dictionary<string, List<string>>
        {
            [ActivityStates.Complete] = [@"^<<FINISHED>>$"],
            [ActivityStates.WaitingForInput] = [@"^\$ $|^\$$"],
        });
        var classifier = New(patterns);
        classifier.OnOutput("ALL DONE\n", "ALL DONE");
        Assert.Equal(ActivityStates.Working, classifier.State);
        classifier.OnOutput("Your answer?", "Your answer?");
        Assert.Equal(ActivityStates.Working, classifier.State);
        classifier.OnOutput("$", "$");
        Assert.Equal(ActivityStates.WaitingForInput, classifier.State);
        classifier.OnOutput("<<FINISHED>>\n", "<<FINISHED>>");
        Assert.Equal(ActivityStates.Complete, classifier.State);
        // the defaults of the states not configured still apply
        classifier.OnOutput("Error: boom\n", "Error: boom");
        Assert.Equal(ActivityStates.Error, classifier.State);
    }

    [Fact]
    public void Restored_StateAndLastOutput_SilenceCountsFromTheLastOutput()
    {
        var lastOutput = _time.GetUtcNow() - TimeSpan.FromSeconds(30);
        var classifier = new ScreenClassifier(ActivityPatterns.FromDefaults(), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), _time,
            ActivityStates.Working, lastOutput);
        Assert.True(classifier.OnSilence());
        Assert.Equal(ActivityStates.Idle, classifier.State);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(classifier.OnSilence());
        Assert.Equal(ActivityStates.Stuck, classifier.State);
    }
}
