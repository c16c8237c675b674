using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PushNotifi.Generators;
using PushNotifi.Generators.Diagnostics;

namespace PushNotifi.Benchmarks;

/// <summary>
/// Where a cold full generator run spends its time. First both generators run interleaved without step
/// tracking (so load drift on a shared machine hits both alike) for the wall-clock ratio; then with
/// Roslyn's step tracking for the per-step split: the attribute search and semantic parse steps against the
/// source-output step, which for [PushNotifiAlert] is the emitter (Scriban once per shape) plus AddSource. Run with
/// <c>--profile-generator</c>; not a BenchmarkDotNet job.
/// </summary>
internal static class GeneratorStepProfile
{
    private const int Runs = 7;

    public static void Run(TextWriter output)
    {
        var alerts = (Name: "PushNotifiAlert", Generator: new PushNotifiAlertGenerator().AsSourceGenerator(), Compilation: GeneratorInputs.PushNotifiAlerts());
        var loggers = (Name: "LoggerMessage", Generator: GeneratorInputs.LoadLoggerMessageGenerator(), Compilation: GeneratorInputs.LoggerMessages());

        // Warm up both generators (JIT and tiering) before measuring.
        for (var i = 0; i < 3; i++)
        {
            _ = Driver(alerts.Generator, track: false).RunGenerators(alerts.Compilation.Clone());
            _ = Driver(loggers.Generator, track: false).RunGenerators(loggers.Compilation.Clone());
        }

        var alertTimes = new List<double>();
        var loggerTimes = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            alertTimes.Add(Time(alerts.Generator, alerts.Compilation));
            loggerTimes.Add(Time(loggers.Generator, loggers.Compilation));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Untracked, interleaved, median of {Runs} cold full runs: {alerts.Name} {Median(alertTimes):F0} ms, {loggers.Name} {Median(loggerTimes):F0} ms, ratio {Median(alertTimes) / Median(loggerTimes):F2}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  per run ({alerts.Name}/{loggers.Name}): {string.Join(", ", alertTimes.Zip(loggerTimes, (a, l) => $"{a:F0}/{l:F0}"))}"));

        AnalyzerAlone(output, alerts.Generator, alerts.Compilation);
        var models = Steps(output, alerts.Name, alerts.Generator, alerts.Compilation);
        Steps(output, loggers.Name, loggers.Generator, loggers.Compilation);
        EmitterAlone(output, models);
    }

    /// <summary>
    /// The analyzers' own time (Roslyn's per-analyzer telemetry) over the 1,000 methods plus their generated wrappers,
    /// next to the whole analyzed compile it rides on (binding every body, which a build does anyway). Median of 3.
    /// </summary>
    private static void AnalyzerAlone(TextWriter output, ISourceGenerator generator, CSharpCompilation compilation)
    {
        Driver(generator, track: false).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
        var analyzers = new DiagnosticAnalyzer[] { new PushNotifiAlertAnalyzer(), new AlertCandidateAnalyzer() };
        var own = analyzers.ToDictionary(a => a.GetType().Name, _ => new List<double>());
        var walls = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            var run = generated.Clone().WithAnalyzers(
                [.. analyzers],
                new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            _ = run.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            walls.Add(watch.Elapsed.TotalMilliseconds);
            foreach (var analyzer in analyzers)
            {
                own[analyzer.GetType().Name].Add(run.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Analyzers, median of 3 on a fresh clone: {string.Join(", ", own.Select(o => $"{o.Key} {Median(o.Value):F0} ms own time"))}; whole analyzed compile {Median(walls):F0} ms"));
    }

    /// <summary>
    /// Times the generator's emitter alone on the parsed file models (100 files of 10 wrappers; through reflection,
    /// since it is internal): <c>EmitFile</c>, which renders each shape once and fills it in, against
    /// <c>EmitFileDirect</c>, one Scriban render per method and per file.
    /// </summary>
    private static void EmitterAlone(TextWriter output, List<object> models)
    {
        var emitter = typeof(PushNotifiAlertGenerator).Assembly.GetType("PushNotifi.Generators.Emitting.AlertEmitter");
        const System.Reflection.BindingFlags Flags = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static;
        if (emitter?.GetMethod("EmitFile", Flags) is not { } emit || emitter.GetMethod("EmitFileDirect", Flags) is not { } direct || models.Count == 0)
        {
            output.WriteLine("Emitter alone: not measurable (AlertEmitter.EmitFile/EmitFileDirect not found or no files tracked).");
            return;
        }

        foreach (var (label, method) in new[] { ("EmitFile: one render per shape, then filled in", emit), ("EmitFileDirect: one Scriban render per method and file", direct) })
        {
            var times = new List<double>();
            long allocated = 0;
            for (var i = 0; i < 3; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                foreach (var model in models)
                {
                    _ = method.Invoke(null, [model]);
                }

                times.Add(watch.Elapsed.TotalMilliseconds);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Emitter alone, {label} ({models.Count} files, median of 3): {Median(times):F0} ms, {allocated / 1024.0 / 1024.0:F1} MB allocated"));
        }
    }

    /// <summary>
    /// One cold full run of one generator in this process, nothing run before it (as in a command-line build):
    /// prints milliseconds and megabytes allocated. Run with <c>--fresh-process PushNotifiAlert|LoggerMessage</c>,
    /// once per process, alternating, many times.
    /// </summary>
    public static void FreshProcess(string which, TextWriter output)
    {
        var (generator, compilation) = which == "LoggerMessage"
            ? (GeneratorInputs.LoadLoggerMessageGenerator(), GeneratorInputs.LoggerMessages())
            : (new PushNotifiAlertGenerator().AsSourceGenerator(), GeneratorInputs.PushNotifiAlerts());
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var driver = Driver(generator, track: false).RunGenerators(compilation);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var sources = driver.GetRunResult().Results.Single().GeneratedSources.Length;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{which} {watch.Elapsed.TotalMilliseconds:F1} ms {allocated / 1024.0 / 1024.0:F1} MB {sources} sources"));
    }

    /// <summary>Full runs on a fresh clone of the compilation (cold), <paramref name="runs"/> times, for a sampling profiler (<c>--loop-full-cold N</c>).</summary>
    public static void FullColdLoop(int runs, TextWriter output)
    {
        var compilation = GeneratorInputs.PushNotifiAlerts();
        var generator = new PushNotifiAlertGenerator().AsSourceGenerator();

        // Unmeasured runs first, so the figure is the steady state and not JIT.
        var each = MeanMilliseconds(warmups: 30, runs, () => Driver(generator, track: false).RunGenerators(compilation.Clone()));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{runs} cold full runs: {each:F2} ms each"));
    }

    /// <summary>
    /// Re-runs the generator after a one-method-body edit on a warm compilation, <paramref name="runs"/> times, for a
    /// sampling profiler (<c>dotnet-trace collect -- dotnet PushNotifi.Benchmarks.dll --loop-incremental 400</c>).
    /// </summary>
    public static void IncrementalLoop(int runs, TextWriter output)
    {
        var compilation = GeneratorInputs.PushNotifiAlerts();
        var edited = GeneratorInputs.EditOneMethodBody(compilation);
        var driver = Driver(new PushNotifiAlertGenerator().AsSourceGenerator(), track: false).RunGenerators(compilation);
        var each = MeanMilliseconds(warmups: 1, runs, () => driver.RunGenerators(edited));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{runs} warm incremental runs: {each:F2} ms each"));
    }

    /// <summary>Mean milliseconds of <paramref name="runs"/> calls of <paramref name="run"/>, after <paramref name="warmups"/> unmeasured ones.</summary>
    private static double MeanMilliseconds(int warmups, int runs, Action run)
    {
        for (var i = 0; i < warmups; i++)
        {
            run();
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            run();
        }

        return watch.Elapsed.TotalMilliseconds / runs;
    }

    private static double Time(ISourceGenerator generator, CSharpCompilation compilation)
    {
        var copy = compilation.Clone();
        var watch = Stopwatch.StartNew();
        _ = Driver(generator, track: false).RunGenerators(copy);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static List<object> Steps(TextWriter output, string name, ISourceGenerator generator, CSharpCompilation compilation)
    {
        var models = new List<object>();
        var steps = new Dictionary<string, List<double>>();
        var totals = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var driver = Driver(generator, track: true).RunGenerators(compilation.Clone());
            totals.Add(driver.GetTimingInfo().GeneratorTimes.Single().ElapsedTime.TotalMilliseconds);
            var result = driver.GetRunResult().Results.Single();
            if (result.TrackedSteps.TryGetValue(PushNotifiAlertGenerator.TrackingNames.Files, out var modelSteps))
            {
                models = [.. modelSteps.SelectMany(step => step.Outputs).Select(o => o.Value)];
            }

            foreach (var (step, runs) in result.TrackedSteps.Concat(result.TrackedOutputSteps))
            {
                if (!steps.TryGetValue(step, out var list))
                {
                    steps[step] = list = [];
                }

                list.Add(runs.Sum(r => r.ElapsedTime.TotalMilliseconds));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}, step-tracked, median of 3: generator {Median(totals):F0} ms"));
        foreach (var (step, list) in steps.Where(s => Median(s.Value) >= 1).OrderByDescending(s => Median(s.Value)))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {step,-40} {Median(list),8:F0} ms ({100 * Median(list) / Median(totals):F0} %)"));
        }

        return models;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static CSharpGeneratorDriver Driver(ISourceGenerator generator, bool track) =>
        CSharpGeneratorDriver.Create(
            [generator],
            parseOptions: GeneratorInputs.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));
}
