using BenchmarkDotNet.Attributes;

namespace PushNotifi.Benchmarks;

/// <summary>
/// The alert path's cost: one redaction of a typical 1 KB exception message (an HTTP failure, a SQL error with a
/// connection string, a stack trace), clean or holding a password and a bearer token.
/// </summary>
[MemoryDiagnoser]
public class RedactorExceptionBenchmarks
{
    private Redactor _redactor = null!;
    private string _message = null!;

    /// <summary>Whether the message holds secrets.</summary>
    [Params(false, true)]
    public bool WithSecrets { get; set; }

    /// <summary>Builds the redactor for the fake keys and the message, and checks the redactor does its job on it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _redactor = Redactor.ForOptions(BenchKeys.Options());
        _message = BenchTexts.ExceptionMessage(WithSecrets);
        var redacted = _redactor.Redact(_message);
        if (WithSecrets == ReferenceEquals(redacted, _message) || redacted.Contains("FAKEpassWORD", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The message was not redacted as expected.");
        }
    }

    /// <summary>One redaction of the message.</summary>
    [Benchmark]
    public string Redact() => _redactor.Redact(_message);
}
