using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Microsoft.Extensions.Logging;

namespace PushNotifi.Benchmarks;

/// <summary>
/// The two equivalent inputs of <see cref="GeneratorBenchmarks"/>: 100 files of 10 <c>[PushNotifiAlert]</c>
/// methods, and 100 files of 10 <c>[LoggerMessage]</c> methods with the same two-placeholder templates,
/// compiled against the same references. Each file also has one ordinary method whose body the
/// incremental benchmarks edit.
/// </summary>
internal static class GeneratorInputs
{
    // Both inputs see the same references: the shared framework plus PushNotifi and Logging.Abstractions.
    private static readonly Lazy<ImmutableArray<MetadataReference>> _references = new(() =>
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return
        [
            .. Directory.EnumerateFiles(framework, "System*.dll").Concat(Directory.EnumerateFiles(framework, "netstandard.dll"))
                .Where(IsManagedAssembly)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)),
            MetadataReference.CreateFromFile(typeof(PushNotifiClient).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(ILogger).Assembly.Location),
        ];
    });

    public const int Files = 100;
    public const int MethodsPerFile = 10;

    /// <summary>The text in file 0 that <see cref="EditOneMethodBody"/> changes: the body of an ordinary method.</summary>
    public const string EditedBody = "=> value + 1;";

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Preview);

    public static CSharpCompilation PushNotifiAlerts() => Compile("AlertInput", Enumerable.Range(0, Files).Select(AlertFile));

    public static CSharpCompilation LoggerMessages() => Compile("LoggerInput", Enumerable.Range(0, Files).Select(LoggerFile));

    /// <summary>The same compilation after typing inside one method body of file 0, as an edit in the IDE would.</summary>
    public static CSharpCompilation EditOneMethodBody(CSharpCompilation compilation)
    {
        var tree = compilation.SyntaxTrees.First();
        var text = tree.GetText();
        var at = text.ToString().IndexOf(EditedBody, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException("The editable method body is missing from file 0.");
        }

        var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, EditedBody.Length), "=> value + 2;")));
        return compilation.ReplaceSyntaxTree(tree, edited);
    }

    /// <summary>
    /// The same compilation after renaming an ordinary method of file 0: a change to a declaration, which makes our
    /// generator parse every method again (though no wrapper changes).
    /// </summary>
    public static CSharpCompilation EditOneDeclaration(CSharpCompilation compilation)
    {
        var tree = compilation.SyntaxTrees.First();
        var text = tree.GetText();
        const string Declared = "public static int Touch(";
        var at = text.ToString().IndexOf(Declared, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException("The renamable method is missing from file 0.");
        }

        var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, Declared.Length), "public static int Touched(")));
        return compilation.ReplaceSyntaxTree(tree, edited);
    }

    /// <summary>The LoggerMessage generator, loaded from the Microsoft.Extensions.Logging.Abstractions package.</summary>
    public static ISourceGenerator LoadLoggerMessageGenerator()
    {
        var path = typeof(GeneratorInputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "LoggerMessageGenerator").Value!;
        var assembly = Assembly.LoadFrom(path);
        var type = assembly.GetTypes().Single(t =>
            typeof(IIncrementalGenerator).IsAssignableFrom(t) && t.GetCustomAttributes<GeneratorAttribute>().Any());
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }

    private static string AlertFile(int file)
    {
        var builder = new System.Text.StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $$"""
            using System.Threading;
            using System.Threading.Tasks;
            using PushNotifi;

            namespace Bench.Alerts{{file}};

            public partial class Jobs{{file}}(IPushNotifiClient pushNotifi)
            {
                public IPushNotifiClient Client => pushNotifi;

                public static int Touch(int value) {{EditedBody}}

            """);
        for (var m = 0; m < MethodsPerFile; m++)
        {
            builder.Append(CultureInfo.InvariantCulture, $$"""
                    [PushNotifiAlert("Job {jobName} failed in run {runId}", IdempotencyKey = "job{{file}}.{{m}}:{jobName}:{runId}", Priority = PushNotifiPriority.High)]
                    public partial Task Run{{m}}Async(string jobName, string runId, CancellationToken cancellationToken);

                    private Task Run{{m}}CoreAsync(string jobName, string runId, CancellationToken cancellationToken) => Task.CompletedTask;

                """);
        }

        return builder.Append('}').AppendLine().ToString();
    }

    private static string LoggerFile(int file)
    {
        var builder = new System.Text.StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $$"""
            using System;
            using Microsoft.Extensions.Logging;

            namespace Bench.Logs{{file}};

            public static partial class Log{{file}}
            {
                public static int Touch(int value) {{EditedBody}}

            """);
        for (var m = 0; m < MethodsPerFile; m++)
        {
            builder.Append(CultureInfo.InvariantCulture, $$"""
                    [LoggerMessage(EventId = {{file * MethodsPerFile + m}}, Level = LogLevel.Error, Message = "Job {jobName} failed in run {runId}")]
                    public static partial void Run{{m}}Failed(ILogger logger, Exception exception, string jobName, string runId);

                """);
        }

        return builder.Append('}').AppendLine().ToString();
    }

    private static CSharpCompilation Compile(string name, IEnumerable<string> sources) =>
        CSharpCompilation.Create(
            name,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"File{i}.cs")),
            _references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            _ = AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
