using System.Buffers;

namespace PushNotifi.Mcp.Stdio;

/// <summary>
/// Stdout, shared by the SDK's transport and the line filter. The SDK writes a message and its newline in separate
/// calls, so each of its messages is held until the newline and then written whole: an error the filter answers can
/// never land between a message and its newline.
/// </summary>
internal sealed class WholeLineStdout(Stream stdout) : Stream
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    // Only the SDK writes here, one message at a time under its own send lock.
    private readonly ArrayBufferWriter<byte> _pending = new(1024);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Writes one whole line (ending in a newline) and flushes it, between the SDK's messages.</summary>
    internal async Task WriteLineAsync(ReadOnlyMemory<byte> line, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await stdout.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _pending.Write(buffer.Span);
        if (!EndsLine(buffer.Span))
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await stdout.WriteAsync(_pending.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.ResetWrittenCount();
            _lock.Release();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        _pending.Write(buffer.AsSpan(offset, count));
        if (!EndsLine(buffer.AsSpan(offset, count)))
        {
            return;
        }

        _lock.Wait();
        try
        {
            stdout.Write(_pending.WrittenSpan);
        }
        finally
        {
            _pending.ResetWrittenCount();
            _lock.Release();
        }
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public override void Flush()
    {
        _lock.Wait();
        try
        {
            stdout.Flush();
        }
        finally
        {
            _lock.Release();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stdout.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool EndsLine(ReadOnlySpan<byte> written) => written.Length > 0 && written[^1] == (byte)'\n';
}
