using System.Globalization;

namespace PushNotifi.Cli.Commands;

/// <summary>
/// Shows on stderr how long <c>ask</c> has waited. On a terminal it redraws one line every second; otherwise
/// (CI logs, pipes) it prints a line at most every <see cref="LogInterval"/>, so logs stay short.
/// Never writes to stdout: stdout carries only the answer.
/// </summary>
internal sealed class AskWaitDisplay : IProgress<PushNotifiAckProgress>
{
    /// <summary>How often a terminal line is redrawn.</summary>
    public static readonly TimeSpan TerminalInterval = TimeSpan.FromSeconds(1);

    /// <summary>How often a line is printed when stderr is not a terminal.</summary>
    public static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    private readonly TextWriter error;
    private readonly bool terminal;
    private readonly TimeSpan timeout;
    private readonly Redactor redactor;
    private readonly Lock gate = new();
    private string? problem;
    private int drawnLength;

    public AskWaitDisplay(TextWriter error, bool terminal, TimeSpan timeout, Redactor redactor)
    {
        this.error = error;
        this.terminal = terminal;
        this.timeout = timeout;
        this.redactor = redactor;
    }

    /// <summary>The pause between two lines in this mode.</summary>
    public TimeSpan Interval => terminal ? TerminalInterval : LogInterval;

    /// <summary>The status line for <paramref name="elapsed"/>, e.g. <c>Waiting for an answer… 12s / 300s</c>.</summary>
    public static string Line(TimeSpan elapsed, TimeSpan timeout, string? problem)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"Waiting for an answer… {(int)elapsed.TotalSeconds}s / {(int)timeout.TotalSeconds}s");
        return problem is null ? line : $"{line} (last check: {problem}; still waiting)";
    }

    /// <summary>Remembers the last poll's transient problem for the next line; called by the runtime after every poll.</summary>
    public void Report(PushNotifiAckProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (gate)
        {
            problem = value.TransientProblem is null ? null : redactor.Redact(value.TransientProblem);
        }
    }

    /// <summary>Draws a line every <see cref="Interval"/> until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            Show(time.GetElapsedTime(started));
            try
            {
                await Task.Delay(Interval, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Writes the line for <paramref name="elapsed"/>: over the previous one on a terminal, as a new line otherwise.</summary>
    public void Show(TimeSpan elapsed)
    {
        lock (gate)
        {
            var line = Line(elapsed, timeout, problem);
            if (terminal)
            {
                // Pad over a longer previous line (one that showed a problem) so no stale text remains.
                error.Write("\r" + line.PadRight(drawnLength));
                drawnLength = line.Length;
            }
            else
            {
                error.WriteLine(line);
            }

            error.Flush();
        }
    }

    /// <summary>Clears the terminal line, so what follows starts at the left margin.</summary>
    public void Finish()
    {
        lock (gate)
        {
            if (terminal && drawnLength > 0)
            {
                error.Write("\r" + new string(' ', drawnLength) + "\r");
                error.Flush();
                drawnLength = 0;
            }
        }
    }
}
