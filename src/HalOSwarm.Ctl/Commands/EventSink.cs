using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;
using HalOSwarm.Protocol;

namespace HalOSwarm.Ctl.Commands;

/// <summary>Writes events in the chosen format: JSON lines, or through the transcript renderer.</summary>
internal sealed class EventSink
{
    private readonly CommandContext _context;
    private readonly TranscriptRenderer _renderer;

    public EventSink(CommandContext context, TranscriptRenderer renderer)
    {
        _context = context;
        _renderer = renderer;
    }

    /// <summary>True once a <c>session.completed</c> or <c>session.deleted</c> went by.</summary>
    public bool SessionEnded { get; private set; }

    public void Write(RawEvent evt)
    {
        if (_context.Format == OutputFormat.Json)
        {
            JsonOutput.WriteLine(_context.Out, evt.Json);
            _context.Out.Flush();
        }
        else
        {
            _renderer.Render(evt.Value);
        }
        SessionEnded |= evt.Value.Type is EventTypes.SessionCompleted or EventTypes.SessionDeleted;
    }

    public void Flush()
    {
        _renderer.Flush();
        _context.Out.Flush();
    }
}
