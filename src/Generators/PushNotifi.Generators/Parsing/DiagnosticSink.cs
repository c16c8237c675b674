namespace PushNotifi.Generators.Parsing;

/// <summary>
/// Where the parser's findings go. The analyzer reports every one at its source location; the generator only
/// needs to know whether an error means "emit nothing", so it skips the checks that can only warn.
/// </summary>
internal abstract class DiagnosticSink
{
    /// <summary>Whether checks that can only produce warnings or hints should run at all.</summary>
    public abstract bool WantsWarnings { get; }

    public bool HasErrors { get; private set; }

    public void Report(DiagnosticDescriptor descriptor, Location location, params string[] arguments)
    {
        HasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
        OnReport(descriptor, location, arguments);
    }

    protected abstract void OnReport(DiagnosticDescriptor descriptor, Location location, string[] arguments);

    /// <summary>The generator's: keeps nothing but the error flag.</summary>
    internal sealed class ErrorsOnly : DiagnosticSink
    {
        public override bool WantsWarnings => false;

        protected override void OnReport(DiagnosticDescriptor descriptor, Location location, string[] arguments)
        {
        }
    }

    /// <summary>The analyzer's: a real diagnostic at the real location, so pragmas and suppressions apply.</summary>
    internal sealed class Reporting : DiagnosticSink
    {
        private readonly Action<Diagnostic> _report;

        public Reporting(Action<Diagnostic> report) => _report = report;

        public override bool WantsWarnings => true;

        protected override void OnReport(DiagnosticDescriptor descriptor, Location location, string[] arguments) =>
            _report(Diagnostic.Create(descriptor, location, arguments));
    }
}
