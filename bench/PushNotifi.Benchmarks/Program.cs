using BenchmarkDotNet.Running;

namespace PushNotifi.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (e.g. <c>--filter '*'</c>).</summary>
internal static class BenchmarkProgram
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
