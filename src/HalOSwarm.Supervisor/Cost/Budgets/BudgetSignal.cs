using System.Threading.Channels;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>Wakes the budget evaluator early: usage was booked, a budget was changed or lifted.</summary>
internal sealed class BudgetSignal
{
    private readonly Channel<bool> _wakes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wakes.Writer.TryWrite(true);

    /// <summary>Completes at the next wake (at once when one came since the last wait).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _wakes.Reader.ReadAsync(cancellationToken);
    }
}
