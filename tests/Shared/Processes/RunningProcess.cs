using System.Diagnostics;
using System.Text;

namespace PushNotifi.Testing;

/// <summary>A child started by <see cref="TestProcess"/>: its output captured, its whole tree killed when disposed.</summary>
internal sealed class RunningProcess : IAsyncDisposable
{
    private const int MaxCapturedChars = 1_000_000;

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _output = new();
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    internal RunningProcess(ProcessStartInfo start, bool keepStandardInput)
    {
        Command = start.FileName + " " + string.Join(' ', start.ArgumentList);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.Start();
        if (!keepStandardInput)
        {
            // A prompt then fails at once instead of waiting for a keyboard.
            _process.StandardInput.Close();
        }

        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Command { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Only for a child started with <c>keepStandardInput</c>.</summary>
    public StreamWriter StandardInput => _process.StandardInput;

    /// <summary>Stdout and stderr so far, interleaved as they arrived.</summary>
    public string Output => Snapshot(_output);

    /// <summary>Waits for the child to exit; on <paramref name="timeout"/> kills its tree and throws <see cref="TimeoutException"/> with its output.</summary>
    public async Task<ChildResult> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0}s. {Result().Describe()}");
        }

        _process.WaitForExit(); // flushes the asynchronous output readers
        return Result();
    }

    /// <summary>Kills the whole tree (SIGKILL), as a crash would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private ChildResult Result() => new(Command, _process.HasExited ? _process.ExitCode : -1, Snapshot(_stdout), Snapshot(_stderr), _watch.Elapsed);

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        // Capped, so a runaway child cannot exhaust memory.
        foreach (var builder in new[] { target, _output })
        {
            lock (builder)
            {
                if (builder.Length < MaxCapturedChars)
                {
                    builder.AppendLine(line);
                }
            }
        }
    }

    private static string Snapshot(StringBuilder source)
    {
        lock (source)
        {
            return source.ToString();
        }
    }
}
