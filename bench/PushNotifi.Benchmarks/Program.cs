using BenchmarkDotNet.Running;

namespace PushNotifi.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line (e.g. <c>--filter '*'</c>), the generator step profile
/// (<c>--profile-generator</c>), one cold generator run in a fresh process
/// (<c>--fresh-process PushNotifiAlert|LoggerMessage</c>), warm incremental re-runs for a profiler
/// (<c>--loop-incremental N</c>, <c>--loop-full-cold N</c>), or prints the simulated ack-polling figures
/// (<c>--ack-polling</c>), the alert storm's requests and CPU time (<c>--storm</c>), the sandbox's memory and latency
/// under abuse (<c>--sandbox-abuse</c>), or its sends a second in memory and with a data file (<c>--sandbox-throughput</c>), or the figures behind
/// bounds the tests no longer time (<c>--test-kit</c>).
/// </summary>
internal static class BenchmarkProgram
{
    private static async Task Main(string[] args)
    {
        if (args is ["--profile-generator"])
        {
            GeneratorStepProfile.Run(Console.Out);
            return;
        }

        if (args is ["--fresh-process", var which])
        {
            GeneratorStepProfile.FreshProcess(which, Console.Out);
            return;
        }

        if (args is ["--loop-incremental", var runs])
        {
            GeneratorStepProfile.IncrementalLoop(int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture), Console.Out);
            return;
        }

        if (args is ["--loop-full-cold", var coldRuns])
        {
            GeneratorStepProfile.FullColdLoop(int.Parse(coldRuns, System.Globalization.CultureInfo.InvariantCulture), Console.Out);
            return;
        }

        if (args is ["--ack-polling"])
        {
            await AckFigures.PrintAsync(Console.Out);
            return;
        }

        if (args is ["--storm"])
        {
            await StormFigures.PrintAsync(Console.Out);
            return;
        }

        if (args is ["--sandbox-abuse", .. var abuse])
        {
            // Optional: scenario names (wrong-key, streams, attachments, stalled, sends, latency) and --sends N.
            var sendsAt = Array.IndexOf(abuse, "--sends");
            var sends = sendsAt >= 0 ? int.Parse(abuse[sendsAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
            var scenarios = sendsAt < 0 ? abuse : abuse.Where((_, i) => i != sendsAt && i != sendsAt + 1).ToArray();
            await SandboxAbuseFigures.PrintAsync(Console.Out, scenarios, sends);
            return;
        }

        if (args is ["--sandbox-stream-readers", var streamsUrl, var streamCount])
        {
            await SandboxAbuseFigures.ReadStreamsAsync(streamsUrl, int.Parse(streamCount, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        if (args is ["--sandbox-throughput"])
        {
            await SandboxThroughputFigures.PrintAsync(Console.Out);
            return;
        }

        if (args is ["--test-kit"])
        {
            await TestKitFigures.PrintAsync(Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
