using System.Text;
using HalOSwarm.Agent.Runtimes.Tmux;

namespace HalOSwarm.Agent.Tests.Runtimes.Tmux;

public sealed class TerminalTextTests
{
    [Fact]
    public void Clean_ColoursCursorMovesAndTitles_Removed()
    {
        var raw = "\u001b]0;my title\u0007\u001b[1;32mgreen\u001b[0m text\u001b[K\r\n\u001b[?25lhidden cursor\u001b[?25h\r\n";
        Assert.Equal("green text\nhidden cursor\n", TerminalText.Clean(raw));
    }

    [Fact]
    public void Clean_ProgressBarRewrittenWithCarriageReturns_LastVersionKept()
    {
        Assert.Equal("progress 100%\nnext\n", TerminalText.Clean("progress 10%\rprogress 50%\rprogress 100%\r\nnext\r\n"));
    }

    [Fact]
    public void Clean_Backspaces_Applied()
    {
        Assert.Equal("hello\n", TerminalText.Clean("helpp\b\blo\r\n"));
    }

    [Fact]
    public void Clean_PromptWithoutNewline_Kept()
    {
        Assert.Equal("Your answer? ", TerminalText.Clean("Your answer? "));
    }

    [Fact]
    public void SafeLength_UnfinishedEscapeAtEnd_LeftForLater()
    {
        var bytes = Encoding.UTF8.GetBytes("text\u001b[1;3");
        Assert.Equal(4, TerminalText.SafeLength(bytes));
        var whole = Encoding.UTF8.GetBytes("text\u001b[1;32m");
        Assert.Equal(whole.Length, TerminalText.SafeLength(whole));
    }

    [Fact]
    public void SafeLength_SplitUtf8Character_LeftForLater()
    {
        var bytes = Encoding.UTF8.GetBytes("ok ✓");
        Assert.Equal(bytes.Length, TerminalText.SafeLength(bytes));
        Assert.Equal(3, TerminalText.SafeLength(bytes.AsSpan(0, bytes.Length - 1)));
        Assert.Equal(3, TerminalText.SafeLength(bytes.AsSpan(0, bytes.Length - 2)));
    }
}
