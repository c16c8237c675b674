using BenchmarkDotNet.Attributes;

namespace PushNotifi.Benchmarks;

/// <summary>
/// Redactor throughput on 1 MB dense with secrets: one every 1 KB or every 256 bytes, of 16 shapes in turn
/// (<see cref="BenchTexts.DenseSecrets"/>). MB/s is the size divided by the mean.
/// </summary>
[MemoryDiagnoser]
public class RedactorDenseBenchmarks
{
    private const int Size = 1024 * 1024;

    private Redactor _redactor = null!;
    private string _text = null!;

    /// <summary>Bytes of text per planted secret.</summary>
    [Params(1024, 256)]
    public int BytesPerSecret { get; set; }

    /// <summary>Builds the redactor for the fake keys and the text, and checks that no planted secret survives.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _redactor = Redactor.ForOptions(BenchKeys.Options());
        var secrets = BenchTexts.DenseSecrets(Size / BytesPerSecret);
        _text = BenchTexts.Create(Size, [.. secrets.Select(s => s.Text)]);

        // Every planted secret must go but its last four characters.
        var redacted = _redactor.Redact(_text);
        var survivor = secrets.FirstOrDefault(s => redacted.Contains(s.Secret[..^4], StringComparison.Ordinal));
        if (survivor.Secret is not null)
        {
            throw new InvalidOperationException($"A planted secret survived redaction (shape {Array.IndexOf(secrets, survivor) % 16}).");
        }
    }

    /// <summary>One full redaction pass over the text.</summary>
    [Benchmark]
    public string Redact() => _redactor.Redact(_text);
}
