using System.Text.RegularExpressions;

namespace PushNotifi.Templates.Tests;

[Collection(TemplateTestGroup.Name)]
public sealed partial class CiTemplateTests(TemplateEnvironment environment)
{
    [Fact]
    public async Task Notify_script_sends_through_the_webhook_token_and_never_prints_it()
    {
        var dir = await environment.CreateProjectAsync("CiApp", "console", withPackage: false);
        (await environment.NewAsync(dir, "pushnotifi-ci")).EnsureSuccess();
        var script = Path.Combine(dir, "scripts", "notify.sh");
        Assert.True(File.Exists(Path.Combine(dir, "scripts", "notify.ps1")));
        Assert.True(File.Exists(Path.Combine(dir, ".github", "actions", "pushnotifi-notify", "action.yml")));
        Assert.Contains("set -euo pipefail", File.ReadAllText(script));
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute), "notify.sh is not executable.");
        }
        await using var sandbox = await Sandbox.StartAsync();
        var variables = new Dictionary<string, string?>
        {
            ["PUSHNOTIFI_WEBHOOK_TOKEN"] = TemplateEnvironment.WebhookToken,
            ["PUSHNOTIFI_API_BASE_URL"] = sandbox.BaseUrl,
        };

        var sent = await TestProcess.RunAsync("bash", [script, "Deploy failed", "repo \"x\" run 42"], dir, variables, TimeSpan.FromSeconds(30));
        variables["PUSHNOTIFI_WEBHOOK_TOKEN"] = TemplateEnvironment.WebhookToken.Replace("CANARY", "WRONGG", StringComparison.Ordinal);
        var rejected = await TestProcess.RunAsync("bash", [script, "Deploy failed", "again"], dir, variables, TimeSpan.FromSeconds(30));
        variables.Remove("PUSHNOTIFI_WEBHOOK_TOKEN");
        var missing = await TestProcess.RunAsync("bash", [script, "t", "m"], dir, variables, TimeSpan.FromSeconds(30));

        Assert.True(sent.ExitCode == 0, sent.Describe());
        var notification = Assert.Single(sandbox.Notifications);
        Assert.Equal("webhook", notification.Source);
        Assert.Equal("Deploy failed", notification.Title);
        Assert.Equal("repo \"x\" run 42", notification.Message);
        Assert.NotEqual(0, rejected.ExitCode);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("PUSHNOTIFI_WEBHOOK_TOKEN must be set", missing.StandardError);
        foreach (var result in new[] { sent, rejected, missing })
        {
            Assert.DoesNotContain("CANARY", result.Output);
            Assert.DoesNotContain("WRONGG", result.Output);
        }
    }

    [Fact]
    public async Task Cli_sender_pins_the_cli_to_the_pack_version()
    {
        var dir = Path.Combine(environment.Root, "ci-cli");
        Directory.CreateDirectory(dir);
        (await environment.NewAsync(dir, "pushnotifi-ci", "--sender", "cli", "--watch-workflow", "Deploy")).EnsureSuccess();
        var action = File.ReadAllText(Path.Combine(dir, ".github", "actions", "pushnotifi-notify", "action.yml"));
        Assert.Contains($"dotnet dnx -y PushNotifi.Cli@{environment.PackageVersion} -- send", action);
        Assert.DoesNotContain("notify.sh", action);
        Assert.Contains("workflows: [ \"Deploy\" ]", File.ReadAllText(Path.Combine(dir, ".github", "workflows", "pushnotifi-on-failure.yml")));
    }

    [Fact]
    public async Task Approval_gate_asks_with_pushnotifi_ask_and_the_deploy_job_needs_it()
    {
        var dir = Path.Combine(environment.Root, "ci-approve");
        Directory.CreateDirectory(dir);
        (await environment.NewAsync(dir, "pushnotifi-ci")).EnsureSuccess();
        var action = File.ReadAllText(Path.Combine(dir, ".github", "actions", "pushnotifi-approve", "action.yml"));
        var workflow = File.ReadAllText(Path.Combine(dir, ".github", "workflows", "pushnotifi-approval.yml"));

        AssertYamlShape(action, "name", "description", "inputs", "outputs", "runs");
        AssertYamlShape(workflow, "name", "on", "permissions", "jobs");
        Assert.Contains("using: composite", action);
        Assert.Contains($"dotnet tool install -g PushNotifi.Cli --version {environment.PackageVersion}", action);
        Assert.Contains("args=(ask \"$PN_QUESTION\" --title \"$PN_TITLE\" --template \"$PN_TEMPLATE\" --timeout \"$PN_TIMEOUT\")", action);
        Assert.Contains("answer=\"$(pushnotifi \"${args[@]}\")\"", action);
        Assert.Contains("approvers: ${{ secrets.PUSHNOTIFI_APPROVERS }}", workflow);
        Assert.Contains("PN_QUESTION: ${{ inputs.question }}", action);
        Assert.DoesNotContain("${{", RunBlock(action, "ask")); // inputs reach the script through env vars only
        Assert.Contains("uses: ./.github/actions/pushnotifi-approve", workflow);
        Assert.Contains("template: approve_deny", workflow);
        Assert.Contains("PUSHNOTIFI_USER_KEY: ${{ secrets.PUSHNOTIFI_USER_KEY }}", workflow);
        Assert.Contains("PUSHNOTIFI_GROUP_KEY: ${{ secrets.PUSHNOTIFI_GROUP_KEY }}", workflow);
        Assert.Contains("needs: approve", workflow);
        Assert.Contains("workflow_dispatch:", workflow);
        foreach (var text in new[] { action, workflow })
        {
            Assert.DoesNotContain("PUSHNOTIFI_CLI_VERSION", text);
            Assert.DoesNotContain("PUSHNOTIFI_PACK_VERSION", text);
            Assert.False(KeyShape().IsMatch(text), "A literal key or token is in the generated file: " + KeyShape().Match(text).Value);
        }
    }

    [Theory]
    [InlineData(0, "Approve")]
    [InlineData(6, "Deny")]
    [InlineData(7, "")]
    public async Task Approval_step_passes_on_the_exit_code_of_ask_and_keeps_the_answer(int exitCode, string answer)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the step runs in bash on an ubuntu runner
        }

        var dir = Path.Combine(environment.Root, "ci-approve-step-" + exitCode);
        Directory.CreateDirectory(dir);
        (await environment.NewAsync(dir, "pushnotifi-ci")).EnsureSuccess();
        var script = RunBlock(File.ReadAllText(Path.Combine(dir, ".github", "actions", "pushnotifi-approve", "action.yml")), "ask");
        // A stand-in for the installed tool: records its arguments and answers like `pushnotifi ask` would.
        var bin = Path.Combine(dir, "stub-bin");
        Directory.CreateDirectory(bin);
        var stub = Path.Combine(bin, "pushnotifi");
        File.WriteAllText(stub, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > \"$STUB_ARGS\"\n[ -n \"$STUB_ANSWER\" ] && echo \"$STUB_ANSWER\"\necho 'Waiting for an answer… 0s / 30s' >&2\nexit \"$STUB_CODE\"\n");
        File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var output = Path.Combine(dir, "github-output");
        var arguments = Path.Combine(dir, "stub-args");
        var variables = new Dictionary<string, string?>
        {
            ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["GITHUB_OUTPUT"] = output,
            ["PN_QUESTION"] = "Deploy \"v2\" $(touch injected)?",
            ["PN_TITLE"] = "Release",
            ["PN_TEMPLATE"] = "approve_deny",
            ["PN_TIMEOUT"] = "30",
            ["STUB_ARGS"] = arguments,
            ["STUB_ANSWER"] = answer,
            ["STUB_CODE"] = exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        // GitHub runs bash steps as `bash --noprofile --norc -eo pipefail`.
        var step = await TestProcess.RunAsync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], dir, variables, TimeSpan.FromSeconds(30));

        Assert.True(step.ExitCode == exitCode, step.Describe());
        Assert.Equal(
            ["ask", "Deploy \"v2\" $(touch injected)?", "--title", "Release", "--template", "approve_deny", "--timeout", "30"],
            File.ReadAllLines(arguments));
        var lines = File.ReadAllLines(output);
        Assert.False(File.Exists(Path.Combine(dir, "injected")), "The question ran as shell code.");
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("answer<<", lines[0], StringComparison.Ordinal);
        Assert.Equal(answer, lines[1]);
        Assert.Equal(lines[0]["answer<<".Length..], lines[2]);
    }

    [Fact]
    public async Task Team_inputs_ask_the_approvers_with_the_run_id_as_the_approval_id()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the step runs in bash on an ubuntu runner
        }

        var dir = Path.Combine(environment.Root, "ci-approve-team");
        Directory.CreateDirectory(dir);
        (await environment.NewAsync(dir, "pushnotifi-ci")).EnsureSuccess();
        var script = RunBlock(File.ReadAllText(Path.Combine(dir, ".github", "actions", "pushnotifi-approve", "action.yml")), "ask");
        var bin = Path.Combine(dir, "stub-bin");
        Directory.CreateDirectory(bin);
        var stub = Path.Combine(bin, "pushnotifi");
        File.WriteAllText(stub, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > \"$STUB_ARGS\"\necho Approved\n");
        File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var arguments = Path.Combine(dir, "stub-args");
        var variables = new Dictionary<string, string?>
        {
            ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["GITHUB_OUTPUT"] = Path.Combine(dir, "github-output"),
            ["GITHUB_RUN_ID"] = "4711",
            ["GITHUB_JOB"] = "approve",
            ["PN_QUESTION"] = "Deploy?",
            ["PN_TITLE"] = "Release",
            ["PN_TEMPLATE"] = "approve_deny",
            ["PN_TIMEOUT"] = "3600",
            ["PN_APPROVERS"] = "u1,u2,u3",
            ["PN_REQUIRED"] = "2",
            ["PN_ESCALATE_AFTER"] = "10m",
            ["PN_ESCALATE_TO"] = "g1",
            ["STUB_ARGS"] = arguments,
        };

        var step = await TestProcess.RunAsync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], dir, variables, TimeSpan.FromSeconds(30));

        Assert.True(step.ExitCode == 0, step.Describe());
        Assert.Equal(
            ["ask", "Deploy?", "--title", "Release", "--template", "approve_deny", "--timeout", "3600",
             "--to", "u1,u2,u3", "--require", "2", "--approval-id", "github-4711-approve", "--escalate-after", "10m", "--then", "g1"],
            File.ReadAllLines(arguments));
    }

    [Fact]
    public async Task Without_the_approval_gate_no_approval_files_are_generated()
    {
        var dir = Path.Combine(environment.Root, "ci-no-approve");
        Directory.CreateDirectory(dir);
        (await environment.NewAsync(dir, "pushnotifi-ci", "--approval-gate", "false")).EnsureSuccess();

        Assert.False(Directory.Exists(Path.Combine(dir, ".github", "actions", "pushnotifi-approve")));
        Assert.False(File.Exists(Path.Combine(dir, ".github", "workflows", "pushnotifi-approval.yml")));
        Assert.True(File.Exists(Path.Combine(dir, ".github", "actions", "pushnotifi-notify", "action.yml")));
    }

    /// <summary>YAML-ish checks: spaces only, the expected top-level keys in order, balanced expressions.</summary>
    private static void AssertYamlShape(string yaml, params string[] topLevelKeys)
    {
        Assert.DoesNotContain("\t", yaml);
        var keys = yaml.Split('\n')
            .Where(line => line.Length > 0 && !char.IsWhiteSpace(line[0]) && line[0] != '#')
            .Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)])
            .ToArray();
        Assert.Equal(topLevelKeys, keys);
        Assert.Equal(Regex.Count(yaml, @"\$\{\{"), Regex.Count(yaml, @"\}\}"));
    }

    /// <summary>The <c>run: |</c> block of the step with <paramref name="id"/>, dedented.</summary>
    private static string RunBlock(string yaml, string id)
    {
        var lines = yaml.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, line => line.Trim() == "id: " + id);
        var run = Array.FindIndex(lines, start, line => line.Trim() == "run: |");
        var indent = lines[run].Length - lines[run].TrimStart().Length;
        var block = lines.Skip(run + 1).TakeWhile(line => line.Trim().Length == 0 || line.Length - line.TrimStart().Length > indent).ToArray();
        var inner = block.Where(line => line.Trim().Length > 0).Min(line => line.Length - line.TrimStart().Length);
        return string.Join("\n", block.Select(line => line.Length >= inner ? line[inner..] : string.Empty)) + "\n";
    }

    /// <summary>A PushNotifi user or group key, or a webhook token, written out literally.</summary>
    [GeneratedRegex(@"\b[ugw][A-Za-z0-9]{31}\b")]
    private static partial Regex KeyShape();
}
