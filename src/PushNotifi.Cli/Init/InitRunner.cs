using System.Reflection;

namespace PushNotifi.Cli.Init;

/// <summary>
/// <c>pushnotifi init</c>: detect the project, check the SDK, add the package, then merge
/// <c>.env.example</c> and <c>.gitignore</c>. Files are staged first and renamed into place only after
/// the package step succeeded, so a failure leaves everything as it was. Never reads or writes <c>.env</c>,
/// never sends anything, never prints an environment value, never prompts.
/// </summary>
internal static class InitRunner
{
    /// <summary>The next steps printed at the end.</summary>
    internal static readonly string[] NextSteps =
    [
        "PushNotifi installed.",
        string.Empty,
        "1. Open https://pushnotifi.me/dashboard and copy your API key into PUSHNOTIFI_USER_KEY (in .env or your environment).",
        "2. Create or pick a group and copy its g… send-to key into PUSHNOTIFI_GROUP_KEY.",
        "3. Run `pushnotifi test` to send a test notification to your phone.",
    ];

    /// <summary>The PushNotifi package version init adds by default: this tool's own version.</summary>
    public static string ToolVersion
    {
        get
        {
            var informational = typeof(InitRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? typeof(InitRunner).Assembly.GetName().Version?.ToString(3)
                ?? "0.0.0";
            return informational.Split('+', 2)[0];
        }
    }

    /// <summary>Runs init and returns the exit code.</summary>
    public static async Task<int> RunAsync(InitOptions options, CliContext context, CancellationToken cancellationToken)
    {
        var searchDirectory = Path.GetFullPath(options.Directory ?? ".", context.WorkingDirectory);
        var (projectPath, projectError) = ProjectLocator.Locate(searchDirectory, options.Project);
        if (projectPath is null)
        {
            await context.Error.WriteLineAsync(projectError).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // The project's root is where .env.example and .gitignore belong (and where global.json applies).
        var directory = Path.GetDirectoryName(projectPath)!;

        var envExamplePath = Path.Combine(directory, ".env.example");
        var gitignorePath = Path.Combine(directory, ".gitignore");
        TextFile envExample, gitignore;
        try
        {
            envExample = TextFile.Read(envExamplePath);
            gitignore = TextFile.Read(gitignorePath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"Cannot read a file in {directory}: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.CannotWrite;
        }

        var missingKeys = EnvExampleMerge.MissingKeys(envExample);
        var envLines = EnvExampleMerge.LinesToAppend(missingKeys);
        var gitignoreLines = GitignoreMerge.LinesToAppend(directory, gitignore);
        var changes = new List<FileChange>();
        if (envLines.Count > 0)
        {
            changes.Add(new FileChange(envExamplePath, envExample.Append(envLines)));
        }

        if (gitignoreLines.Count > 0)
        {
            changes.Add(new FileChange(gitignorePath, gitignore.Append(gitignoreLines)));
        }

        var mcpFiles = new List<(McpEditor Editor, bool Added)>();
        foreach (var editor in McpConfigMerge.EditorsFor(options.Mcp))
        {
            var path = Path.Combine(directory, editor.RelativePath);
            string? merged;
            try
            {
                merged = McpConfigMerge.Merge(editor, McpConfigMerge.Read(path), options.PackageVersion ?? ToolVersion);
            }
            catch (McpConfigException exception)
            {
                await context.Error.WriteLineAsync($"Cannot add the MCP server to {path}: {exception.Message}. Fix the file or move it away, then run init again.").ConfigureAwait(false);
                await context.Error.WriteLineAsync("Nothing was changed.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await context.Error.WriteLineAsync($"Cannot read {path}: {exception.Message}").ConfigureAwait(false);
                return ExitCodes.CannotWrite;
            }

            if (merged is not null)
            {
                changes.Add(new FileChange(path, System.Text.Encoding.UTF8.GetBytes(merged)));
            }

            mcpFiles.Add((editor, merged is not null));
        }

        // Only now, with every file read and merged: the editors' folders the staged files go into.
        foreach (var change in changes)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(change.Path)!);
        }

        using var writer = new StagedFileWriter();
        if (writer.Stage(changes) is { } failure)
        {
            await context.Error.WriteLineAsync($"Cannot write {failure.Path}: {failure.Error}").ConfigureAwait(false);
            await context.Error.WriteLineAsync("Nothing was changed.").ConfigureAwait(false);
            return ExitCodes.CannotWrite;
        }

        var packageOutcome = await AddPackageAsync(options, context, projectPath, directory, cancellationToken).ConfigureAwait(false);
        if (packageOutcome.ExitCode != ExitCodes.Success)
        {
            return packageOutcome.ExitCode;
        }

        writer.Commit();

        var output = context.Out;
        await output.WriteLineAsync($"Project: {Path.GetFileName(projectPath)}").ConfigureAwait(false);
        await output.WriteLineAsync($"Package: {packageOutcome.Summary}").ConfigureAwait(false);
        await output.WriteLineAsync(".env.example: " + (missingKeys.Count == 0
            ? "already lists every PushNotifi key."
            : "added " + string.Join(", ", missingKeys) + ".")).ConfigureAwait(false);
        var addedPatterns = gitignoreLines.Where(line => !line.StartsWith('#')).ToArray();
        await output.WriteLineAsync(".gitignore: " + (addedPatterns.Length == 0
            ? "already keeps .env files out of git."
            : "added " + string.Join(", ", addedPatterns) + ".")).ConfigureAwait(false);
        foreach (var (editor, added) in mcpFiles)
        {
            await output.WriteLineAsync($"{editor.RelativePath.Replace('\\', '/')}: " + (added
                ? $"added the {McpConfigMerge.ServerName} MCP server for {editor.Name} (dotnet dnx PushNotifi.Mcp, keys passed through from the environment)."
                : $"already has a {McpConfigMerge.ServerName} MCP server; left as is.")).ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        foreach (var line in NextSteps)
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static async Task<(int ExitCode, string Summary)> AddPackageAsync(
        InitOptions options, CliContext context, string projectPath, string directory, CancellationToken cancellationToken)
    {
        if (options.SkipPackage)
        {
            return (ExitCodes.Success, "skipped (--skip-package).");
        }

        bool referenced;
        try
        {
            referenced = PackageReferenceStep.IsReferenced(projectPath);
        }
        catch (System.Xml.XmlException exception)
        {
            await context.Error.WriteLineAsync($"Cannot read the project file {projectPath}: {exception.Message}").ConfigureAwait(false);
            await context.Error.WriteLineAsync("Nothing was changed.").ConfigureAwait(false);
            return (ExitCodes.Usage, string.Empty);
        }

        if (referenced)
        {
            return (ExitCodes.Success, $"{PackageReferenceStep.PackageId} is already referenced; left as is.");
        }

        var sdkProblem = await SdkVersionCheck.CheckAsync(context.ProcessRunner, context.DotnetPath, directory, cancellationToken).ConfigureAwait(false);
        if (sdkProblem is not null)
        {
            await context.Error.WriteLineAsync(sdkProblem).ConfigureAwait(false);
            await context.Error.WriteLineAsync("Nothing was changed.").ConfigureAwait(false);
            return (ExitCodes.SdkTooOld, string.Empty);
        }

        var version = options.PackageVersion ?? ToolVersion;
        var arguments = PackageReferenceStep.Arguments(projectPath, version, options.Source);
        var result = await context.ProcessRunner.RunAsync(context.DotnetPath, arguments, directory, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            // Verbatim, as the SDK printed it; no silent retry.
            await context.Error.WriteLineAsync($"'dotnet {string.Join(' ', arguments)}' failed with exit code {result.ExitCode}.").ConfigureAwait(false);
            await context.Error.WriteAsync(result.StandardError).ConfigureAwait(false);
            if (result.StandardError.Length == 0)
            {
                await context.Error.WriteAsync(result.StandardOutput).ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync("Nothing else was changed.").ConfigureAwait(false);
            return (ExitCodes.PackageStepFailed, string.Empty);
        }

        return (ExitCodes.Success, $"added {PackageReferenceStep.PackageId} {version}.");
    }
}
