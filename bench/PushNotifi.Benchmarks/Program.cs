using BenchmarkDotNet.Running;

namespace PushNotifi.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (e.g. <c>--filter '*'</c>), or the generator step profile (<c>--profile-generator</c>).</summary>
internal static class BenchmarkProgram
{
    private static void Main(string[] args)
    {
        if (args is ["--profile-generator"])
        {
            GeneratorStepProfile.Run(Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
