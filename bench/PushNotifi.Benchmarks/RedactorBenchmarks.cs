using BenchmarkDotNet.Attributes;

namespace PushNotifi.Benchmarks;

/// <summary>
/// Redactor throughput on 1 KB and 1 MB texts, clean or with ten secrets (the four configured keys and
/// six secret shapes). MB/s is the size divided by the mean; equal ns/byte at both sizes shows linear cost.
/// </summary>
[MemoryDiagnoser]
public class RedactorBenchmarks
{
    private Redactor _redactor = null!;
    private string _text = null!;

    /// <summary>Text length in characters (ASCII, so also bytes).</summary>
    [Params(1024, 1024 * 1024)]
    public int Size { get; set; }

    /// <summary>How many secrets are planted in the text.</summary>
    [Params(0, 10)]
    public int Secrets { get; set; }

    /// <summary>Builds the redactor for the fake keys and the text, and checks the redactor does its job on it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _redactor = Redactor.ForOptions(BenchKeys.Options());
        var secrets = Secrets == 0 ? [] : BenchTexts.Secrets().Take(Secrets).ToArray();
        _text = BenchTexts.Create(Size, secrets);

        var redacted = _redactor.Redact(_text);
        if (Secrets == 0 && !ReferenceEquals(redacted, _text) && redacted != _text)
        {
            throw new InvalidOperationException("The clean text was changed: the benchmark would not measure a clean pass.");
        }

        if (Secrets > 0 && (redacted.Contains(BenchKeys.User, StringComparison.Ordinal) || redacted.Contains("FAKEbearerTOKEN", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("A planted secret survived redaction.");
        }
    }

    /// <summary>One full redaction pass over the text.</summary>
    [Benchmark]
    public string Redact() => _redactor.Redact(_text);
}
