using BenchmarkDotNet.Attributes;

namespace PushNotifi.Benchmarks;

/// <summary>
/// Whether the redactor's cost stays linear where a keyword-gated scanner works hardest: text made only of keywords,
/// separators and secret shapes (<see cref="BenchTexts.KeywordDense"/>), at 64 KB and 16 times that. Linear cost gives
/// the same time a byte at both sizes; a quadratic one would give 16 times as much at the larger.
/// </summary>
[MemoryDiagnoser]
public class RedactorLinearityBenchmarks
{
    private Redactor _redactor = null!;
    private string _text = null!;

    /// <summary>Text length in characters.</summary>
    [Params(64 * 1024, 16 * 64 * 1024)]
    public int Size { get; set; }

    /// <summary>Builds the redactor for the fake keys and the keyword-dense text.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _redactor = Redactor.ForOptions(BenchKeys.Options());
        _text = BenchTexts.KeywordDense(Size);
    }

    /// <summary>One full redaction pass over the text.</summary>
    [Benchmark]
    public string Redact() => _redactor.Redact(_text);
}
