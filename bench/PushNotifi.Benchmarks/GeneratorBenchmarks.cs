using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PushNotifi.Generators;

namespace PushNotifi.Benchmarks;

/// <summary>
/// The [PushNotifiAlert] generator against the LoggerMessage generator (from its NuGet package) on 1,000
/// equivalent methods in 100 files. "Full" is a new driver over a fresh copy of the compilation (cold
/// symbols, as after opening a solution); "Incremental" re-runs a warmed driver after one method body in
/// one file was edited. Each category's baseline is LoggerMessage, so Ratio there is ours / theirs.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GeneratorBenchmarks
{
    private ISourceGenerator _alertGenerator = null!;
    private ISourceGenerator _loggerGenerator = null!;
    private CSharpCompilation _alerts = null!;
    private CSharpCompilation _alertsEdited = null!;
    private CSharpCompilation _loggers = null!;
    private CSharpCompilation _loggersEdited = null!;
    private GeneratorDriver _alertsWarm = null!;
    private GeneratorDriver _loggersWarm = null!;

    /// <summary>Builds both inputs, warms a driver for each, and checks both generators produce what they should.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _alertGenerator = new PushNotifiAlertGenerator().AsSourceGenerator();
        _loggerGenerator = GeneratorInputs.LoadLoggerMessageGenerator();
        _alerts = GeneratorInputs.PushNotifiAlerts();
        _loggers = GeneratorInputs.LoggerMessages();
        _alertsEdited = GeneratorInputs.EditOneMethodBody(_alerts);
        _loggersEdited = GeneratorInputs.EditOneMethodBody(_loggers);

        _alertsWarm = Check(Driver(_alertGenerator).RunGenerators(_alerts.Clone()), "PushNotifiAlert", expectedSources: 1000);
        _loggersWarm = Check(Driver(_loggerGenerator).RunGenerators(_loggers.Clone()), "LoggerMessage", expectedSources: 1);
        Check(_alertsWarm.RunGenerators(_alertsEdited.Clone()), "PushNotifiAlert (edited)", expectedSources: 1000);
        Check(_loggersWarm.RunGenerators(_loggersEdited.Clone()), "LoggerMessage (edited)", expectedSources: 1);
    }

    /// <summary>Full run of the LoggerMessage generator.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Full")]
    public GeneratorDriver LoggerMessageFull() => Driver(_loggerGenerator).RunGenerators(_loggers.Clone());

    /// <summary>Full run of the [PushNotifiAlert] generator.</summary>
    [Benchmark]
    [BenchmarkCategory("Full")]
    public GeneratorDriver PushNotifiAlertFull() => Driver(_alertGenerator).RunGenerators(_alerts.Clone());

    /// <summary>LoggerMessage re-run after one method body changed.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Incremental")]
    public GeneratorDriver LoggerMessageIncremental() => _loggersWarm.RunGenerators(_loggersEdited.Clone());

    /// <summary>[PushNotifiAlert] re-run after one method body changed.</summary>
    [Benchmark]
    [BenchmarkCategory("Incremental")]
    public GeneratorDriver PushNotifiAlertIncremental() => _alertsWarm.RunGenerators(_alertsEdited.Clone());

    private static CSharpGeneratorDriver Driver(ISourceGenerator generator) =>
        CSharpGeneratorDriver.Create([generator], parseOptions: GeneratorInputs.ParseOptions);

    private static GeneratorDriver Check(GeneratorDriver driver, string name, int expectedSources)
    {
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null)
        {
            throw new InvalidOperationException($"{name} generator threw.", result.Exception);
        }

        var errors = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (errors.Count > 0 || result.GeneratedSources.Length != expectedSources)
        {
            throw new InvalidOperationException(
                $"{name}: {result.GeneratedSources.Length} sources (expected {expectedSources}), diagnostics: {string.Join("; ", errors)}");
        }

        return driver;
    }
}
