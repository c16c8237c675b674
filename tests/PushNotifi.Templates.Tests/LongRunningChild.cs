using System.Diagnostics;
using System.Text;
using PushNotifi.Tooling;

namespace PushNotifi.Templates.Tests;

/// <summary>Starts long-running children (the generated web apps) with stdin closed; finished commands go through <see cref="ChildProcess"/>.</summary>
internal static class LongRunningChild
{
    /// <summary>Starts a long-running child (a web app) with stdin closed; the caller disposes it.</summary>
    public static RunningChild Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(n => n.StartsWith("PUSHNOTIFI_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new RunningChild(start);
    }

    /// <summary>A started child whose output is captured until it is disposed.</summary>
    internal sealed class RunningChild : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        public RunningChild(ProcessStartInfo start)
        {
            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (_, e) => ChildProcess.Append(_output, e.Data);
            _process.ErrorDataReceived += (_, e) => ChildProcess.Append(_output, e.Data);
            _process.Start();
            _process.StandardInput.Close();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public bool HasExited => _process.HasExited;

        public string Output => ChildProcess.Snapshot(_output);

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }

            _process.Dispose();
        }
    }
}
