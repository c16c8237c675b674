using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PushNotifi.Generators;
using PushNotifi.Generators.Diagnostics;

namespace PushNotifi.Benchmarks;

/// <summary>
/// The [PushNotifiAlert] generator against the LoggerMessage generator (from its NuGet package) on 1,000
/// equivalent methods in 100 files. "Cold" runs get a fresh copy of the compilation each time (no bound
/// symbols yet, as after opening a solution or after an edit in the IDE), so they include the binding the
/// generator asks for; "Warm" runs reuse one compilation whose symbols are already bound, so they show the
/// generator's own work. "Full" is a new driver; "Incremental" re-runs a driver that has seen the
/// unedited compilation after one method body in one file was edited; "DeclarationEdit" re-runs it after an
/// ordinary method of that file was renamed (a change to a declaration, which makes ours parse every method
/// again). Each category's baseline is LoggerMessage, so Ratio there is ours / theirs.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GeneratorBenchmarks
{
    private ISourceGenerator _alertGenerator = null!;
    private ISourceGenerator _loggerGenerator = null!;
    private ISourceGenerator _floorGenerator = null!;
    private GeneratorDriver _floorWarm = null!;
    private CSharpCompilation _alerts = null!;
    private CSharpCompilation _alertsEdited = null!;
    private CSharpCompilation _loggers = null!;
    private CSharpCompilation _loggersEdited = null!;
    private CSharpCompilation _alertsRenamed = null!;
    private CSharpCompilation _loggersRenamed = null!;
    private GeneratorDriver _alertsWarm = null!;
    private GeneratorDriver _loggersWarm = null!;
    private Compilation _alertsGenerated = null!;

    /// <summary>Builds both inputs, warms a driver for each, and checks both generators produce what they should.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _alertGenerator = new PushNotifiAlertGenerator().AsSourceGenerator();
        _loggerGenerator = GeneratorInputs.LoadLoggerMessageGenerator();
        _floorGenerator = new AttributeFloorGenerator().AsSourceGenerator();
        _alerts = GeneratorInputs.PushNotifiAlerts();
        _loggers = GeneratorInputs.LoggerMessages();
        _alertsEdited = GeneratorInputs.EditOneMethodBody(_alerts);
        _loggersEdited = GeneratorInputs.EditOneMethodBody(_loggers);
        _alertsRenamed = GeneratorInputs.EditOneDeclaration(_alerts);
        _loggersRenamed = GeneratorInputs.EditOneDeclaration(_loggers);

        // These runs also bind what the generators need, so the Warm compilations are warm from the start.
        _alertsWarm = Check(Driver(_alertGenerator).RunGenerators(_alerts), "PushNotifiAlert", expectedSources: 100);
        CheckEveryMethodIsWrapped(_alertsWarm);
        _loggersWarm = Check(Driver(_loggerGenerator).RunGenerators(_loggers), "LoggerMessage", expectedSources: 1);
        Check(_alertsWarm.RunGenerators(_alertsEdited), "PushNotifiAlert (edited)", expectedSources: 100);
        _floorWarm = Check(Driver(_floorGenerator).RunGenerators(_alerts), "AttributeFloor", expectedSources: 0);
        CheckFloorFindsEveryMethod();
        Check(_loggersWarm.RunGenerators(_loggersEdited), "LoggerMessage (edited)", expectedSources: 1);
        Check(_alertsWarm.RunGenerators(_alertsRenamed), "PushNotifiAlert (renamed)", expectedSources: 100);
        Check(_loggersWarm.RunGenerators(_loggersRenamed), "LoggerMessage (renamed)", expectedSources: 1);

        // The analyzer sees what a build gives it: the user's code plus the generated wrappers.
        Driver(_alertGenerator).RunGeneratorsAndUpdateCompilation(_alerts, out _alertsGenerated, out _);
        var reported = Analyze(_alertsGenerated).Where(d => d.Severity >= DiagnosticSeverity.Info).ToList();
        if (reported.Count > 0)
        {
            throw new InvalidOperationException("PushNotifiAlertAnalyzer reported on clean input: " + string.Join("; ", reported.Take(3)));
        }
    }

    /// <summary>
    /// PushNotifiAlertAnalyzer alone over the 1,000 methods and their generated wrappers, on a fresh clone (so it
    /// binds what it asks for, as in a build). Its Ratio is against LoggerMessage's cold full run.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory("FullCold")]
    public int PushNotifiAlertAnalyzerCold() => Analyze(_alertsGenerated.Clone()).Length;

    /// <summary>Full run of the LoggerMessage generator, cold compilation.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("FullCold")]
    public GeneratorDriver LoggerMessageFullCold() => Driver(_loggerGenerator).RunGenerators(_loggers.Clone());

    /// <summary>Full run of the [PushNotifiAlert] generator, cold compilation.</summary>
    [Benchmark]
    [BenchmarkCategory("FullCold")]
    public GeneratorDriver PushNotifiAlertFullCold() => Driver(_alertGenerator).RunGenerators(_alerts.Clone());

    /// <summary>Full run of the LoggerMessage generator, warm compilation.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("FullWarm")]
    public GeneratorDriver LoggerMessageFullWarm() => Driver(_loggerGenerator).RunGenerators(_loggers);

    /// <summary>Full run of the [PushNotifiAlert] generator, warm compilation.</summary>
    [Benchmark]
    [BenchmarkCategory("FullWarm")]
    public GeneratorDriver PushNotifiAlertFullWarm() => Driver(_alertGenerator).RunGenerators(_alerts);

    /// <summary>LoggerMessage re-run after one method body changed, cold compilation.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("IncrementalCold")]
    public GeneratorDriver LoggerMessageIncrementalCold() => _loggersWarm.RunGenerators(_loggersEdited.Clone());

    /// <summary>[PushNotifiAlert] re-run after one method body changed, cold compilation.</summary>
    [Benchmark]
    [BenchmarkCategory("IncrementalCold")]
    public GeneratorDriver PushNotifiAlertIncrementalCold() => _alertsWarm.RunGenerators(_alertsEdited.Clone());

    /// <summary>LoggerMessage re-run after one method body changed, warm compilation.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("IncrementalWarm")]
    public GeneratorDriver LoggerMessageIncrementalWarm() => _loggersWarm.RunGenerators(_loggersEdited);

    /// <summary>[PushNotifiAlert] re-run after one method body changed, warm compilation.</summary>
    [Benchmark]
    [BenchmarkCategory("IncrementalWarm")]
    public GeneratorDriver PushNotifiAlertIncrementalWarm() => _alertsWarm.RunGenerators(_alertsEdited);

    /// <summary>Roslyn's own floor for an attribute-driven generator (a transform that does nothing), full run, warm.</summary>
    [Benchmark]
    [BenchmarkCategory("FullWarm")]
    public GeneratorDriver AttributeFloorFullWarm() => Driver(_floorGenerator).RunGenerators(_alerts);

    /// <summary>The same floor, re-run after one method body changed, warm: no generator on this attribute can be cheaper.</summary>
    [Benchmark]
    [BenchmarkCategory("IncrementalWarm")]
    public GeneratorDriver AttributeFloorIncrementalWarm() => _floorWarm.RunGenerators(_alertsEdited);

    /// <summary>The same floor, re-run after one method body changed, cold.</summary>
    [Benchmark]
    [BenchmarkCategory("IncrementalCold")]
    public GeneratorDriver AttributeFloorIncrementalCold() => _floorWarm.RunGenerators(_alertsEdited.Clone());

    /// <summary>LoggerMessage after an ordinary method was renamed, on a fresh compilation.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("DeclarationEditCold")]
    public GeneratorDriver LoggerMessageDeclarationEditCold() => _loggersWarm.RunGenerators(_loggersRenamed.Clone());

    /// <summary>Ours after an ordinary method was renamed, on a fresh compilation: every method is parsed again.</summary>
    [Benchmark]
    [BenchmarkCategory("DeclarationEditCold")]
    public GeneratorDriver PushNotifiAlertDeclarationEditCold() => _alertsWarm.RunGenerators(_alertsRenamed.Clone());

    /// <summary>LoggerMessage after an ordinary method was renamed, on a bound compilation.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("DeclarationEditWarm")]
    public GeneratorDriver LoggerMessageDeclarationEditWarm() => _loggersWarm.RunGenerators(_loggersRenamed);

    /// <summary>Ours after an ordinary method was renamed, on a bound compilation.</summary>
    [Benchmark]
    [BenchmarkCategory("DeclarationEditWarm")]
    public GeneratorDriver PushNotifiAlertDeclarationEditWarm() => _alertsWarm.RunGenerators(_alertsRenamed);

    /// <summary>A floor that found nothing would look cheap; a tracked run counts what it found.</summary>
    private void CheckFloorFindsEveryMethod()
    {
        var tracked = CSharpGeneratorDriver.Create(
            [_floorGenerator],
            parseOptions: GeneratorInputs.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        var steps = tracked.RunGenerators(_alerts).GetRunResult().Results.Single().TrackedSteps;
        var found = steps.TryGetValue(AttributeFloorGenerator.TrackingName, out var methods) ? methods.Sum(step => step.Outputs.Length) : 0;
        if (found != 1000)
        {
            throw new InvalidOperationException($"AttributeFloor found {found} methods, expected 1000.");
        }
    }

    /// <summary>One file per class of 10 methods: the 100 files must hold all 1,000 wrappers.</summary>
    private static void CheckEveryMethodIsWrapped(GeneratorDriver driver)
    {
        var wrappers = driver.GetRunResult().Results.Single().GeneratedSources
            .Sum(source => source.SourceText.ToString().Split("[global::System.CodeDom.Compiler.GeneratedCode(").Length - 1);
        if (wrappers != 1000)
        {
            throw new InvalidOperationException($"PushNotifiAlert wrote {wrappers} wrappers, expected 1000.");
        }
    }

    private static System.Collections.Immutable.ImmutableArray<Diagnostic> Analyze(Compilation compilation) =>
        compilation.WithAnalyzers([new PushNotifiAlertAnalyzer()]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

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
