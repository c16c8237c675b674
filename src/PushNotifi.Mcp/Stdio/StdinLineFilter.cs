using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using Microsoft.Extensions.Logging;

namespace PushNotifi.Mcp.Stdio;

/// <summary>
/// Stands between stdin and the SDK's <c>StreamServerTransport</c>: splits the input into lines, answers the lines the
/// SDK would drop (<see cref="JsonRpcLineCheck"/>) and every line longer than <see cref="MaxLineBytes"/>, and passes the
/// rest to <see cref="Lines"/> byte for byte. A line too long is discarded as it streams in, never held whole.
/// </summary>
internal sealed partial class StdinLineFilter
{
    /// <summary>The longest line read, newline excluded: room for the largest valid call with plenty to spare.</summary>
    internal const int MaxLineBytes = 4 * 1024 * 1024;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static readonly byte[] s_newline = "\n"u8.ToArray();

    private readonly PipeReader _stdin;
    private readonly Pipe _accepted = new();
    private readonly WholeLineStdout _stdout;
    private readonly ILogger _logger;
    private long _lineNumber;

    private StdinLineFilter(Stream stdin, WholeLineStdout stdout, ILogger logger)
    {
        _stdin = PipeReader.Create(stdin, new StreamPipeReaderOptions(bufferSize: 64 * 1024));
        _stdout = stdout;
        _logger = logger;
    }

    /// <summary>The lines that passed, each with its newline: what the SDK's transport reads.</summary>
    internal Stream Lines => _accepted.Reader.AsStream();

    /// <summary>Starts filtering <paramref name="stdin"/>; errors are answered on <paramref name="stdout"/>.</summary>
    internal static StdinLineFilter Start(Stream stdin, WholeLineStdout stdout, ILogger logger, CancellationToken cancellationToken)
    {
        var filter = new StdinLineFilter(stdin, stdout, logger);

        // Runs until stdin ends (the SDK then sees the end of Lines) or fails (the SDK then sees the failure).
        _ = Task.Run(() => filter.RunAsync(cancellationToken), CancellationToken.None);
        return filter;
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            await PumpAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            failure = exception;
        }
        finally
        {
            // The SDK ends the session at the end of its stream, or reports the failure.
            await _accepted.Writer.CompleteAsync(failure is OperationCanceledException ? null : failure).ConfigureAwait(false);
            await _stdin.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        var discarding = false;
        var started = false;
        long searched = 0;
        while (true)
        {
            // The console stream ignores cancellation; WaitAsync does not.
            var read = await _stdin.ReadAsync(cancellationToken).AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            if (!started)
            {
                // A UTF-8 byte order mark (some Windows pipes write one) is not part of the first line: the SDK's own
                // StreamReader dropped it before this filter stood in front of it.
                if (buffer.Length < Utf8Bom.Length && !read.IsCompleted)
                {
                    _stdin.AdvanceTo(buffer.Start, buffer.End);
                    continue;
                }

                started = true;
                if (buffer.Length >= Utf8Bom.Length && buffer.Slice(0, Utf8Bom.Length).ToArray().AsSpan().SequenceEqual(Utf8Bom))
                {
                    buffer = buffer.Slice(Utf8Bom.Length);
                }
            }
            while (buffer.Slice(searched).PositionOf((byte)'\n') is { } newline)
            {
                if (discarding)
                {
                    discarding = false;
                }
                else if (!await HandleAsync(buffer.Slice(0, newline), cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                buffer = buffer.Slice(buffer.GetPosition(1, newline));
                searched = 0;
            }

            if (!discarding && buffer.Length > MaxLineBytes)
            {
                _lineNumber++;
                await AnswerAsync(TooLong(), cancellationToken).ConfigureAwait(false);
                discarding = true;
            }

            if (discarding)
            {
                // Drop what came so far; memory stays flat however long the line runs.
                buffer = buffer.Slice(buffer.End);
            }

            searched = buffer.Length;
            if (read.IsCompleted)
            {
                if (!discarding && buffer.Length > 0)
                {
                    await HandleAsync(buffer, cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            _stdin.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Answers or passes on one line; false once the SDK has stopped reading.</summary>
    private async Task<bool> HandleAsync(ReadOnlySequence<byte> line, CancellationToken cancellationToken)
    {
        _lineNumber++;
        if (IsBlank(line))
        {
            return true;
        }

        var error = line.Length > MaxLineBytes ? TooLong()
            : HasInnerCarriageReturn(line) ? new ProtocolError(ProtocolError.InvalidRequest, CarriageReturnMessage)
            : JsonRpcLineCheck.Check(line);
        if (error is not null)
        {
            await AnswerAsync(error, cancellationToken).ConfigureAwait(false);
            return true;
        }

        foreach (var segment in line)
        {
            _accepted.Writer.Write(segment.Span);
        }

        _accepted.Writer.Write(s_newline);
        var flushed = await _accepted.Writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return !flushed.IsCompleted;
    }

    private async Task AnswerAsync(ProtocolError error, CancellationToken cancellationToken)
    {
        Log.Answered(_logger, _lineNumber, error.Code, error.Message);
        await _stdout.WriteLineAsync(error.ToLine(), cancellationToken).ConfigureAwait(false);
    }

    private const string CarriageReturnMessage =
        "Invalid Request: the line holds a carriage return (\\r) before its end; a message must be one line, ended by \\n or \\r\\n.";

    private static ProtocolError TooLong() => new(
        ProtocolError.InvalidRequest,
        string.Create(CultureInfo.InvariantCulture, $"Invalid Request: the line is longer than {MaxLineBytes} bytes (4 MiB), the most this server reads; it was discarded up to its newline."));

    // The SDK reads with a text reader, which also ends a line at a lone "\r": such a line would reach it as two halves
    // and be dropped unanswered. One "\r" just before the newline is fine.
    private static bool HasInnerCarriageReturn(ReadOnlySequence<byte> line)
    {
        var inner = line.Length > 0 && line.Slice(line.Length - 1).FirstSpan[0] == (byte)'\r' ? line.Slice(0, line.Length - 1) : line;
        return inner.PositionOf((byte)'\r') is not null;
    }

    // A blank line (or a lone "\r") carries no message: skipped, not answered.
    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            if (segment.Span.IndexOfAnyExcept(" \t\r"u8) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "stdin line {Line}: answered {Code}: {Message}")]
        internal static partial void Answered(ILogger logger, long line, int code, string message);
    }
}
