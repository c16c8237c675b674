using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using PushNotifi.Sandbox;

namespace PushNotifi.Generators.Tests.Infrastructure;

/// <summary>Compiles <see cref="BehaviourSource"/> once, loads it in a collectible context, and runs a sandbox.</summary>
public sealed class BehaviourFixture : IAsyncLifetime
{
    public static readonly string UserKey = TestKeys.User;
    public static readonly string GroupKey = TestKeys.Group;

    private AssemblyLoadContext? _context;

    public SandboxServer Sandbox { get; private set; } = null!;

    public PushNotifiClient Client { get; private set; } = null!;

    public Assembly Assembly { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Sandbox = await TestSandbox.StartAsync();
        Client = new PushNotifiClient(new PushNotifiOptions
        {
            UserKey = UserKey,
            GroupKey = GroupKey,
            ApiBaseUrl = Sandbox.BaseUrl,
            MaxRetryAttempts = 0,
        });

        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(BehaviourSource.Text));
        var errors = result.Diagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("\n", errors));
        }

        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidOperationException(string.Join("\n", emit.Diagnostics));
        }

        stream.Position = 0;
        _context = new AssemblyLoadContext("PushNotifi.Behaviour", isCollectible: true);
        Assembly = _context.LoadFromStream(stream);
    }

    public async ValueTask DisposeAsync()
    {
        _context?.Unload();
        await Sandbox.DisposeAsync();
    }

    public Type Type(string name) => Assembly.GetType("Behaviour." + name, throwOnError: true)!;

    public object Create(string name, params object[] args) => Activator.CreateInstance(Type(name), args)!;

    public void SetMode(string mode, string secret = "")
    {
        var control = Type("Control");
        control.GetField("Mode")!.SetValue(null, mode);
        control.GetField("Secret")!.SetValue(null, secret);
    }

    /// <summary>Calls a method without wrapping its exception; awaits a returned Task or ValueTask.</summary>
    public static async Task<object?> CallAsync(object targetOrType, string method, params object?[] args)
    {
        var type = targetOrType as Type ?? targetOrType.GetType();
        var target = targetOrType is Type ? null : targetOrType;
        var info = type.GetMethod(method, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)!;
        var result = info.Invoke(target, BindingFlags.DoNotWrapExceptions, null, args, null);
        switch (result)
        {
            case Task task:
                await task;
                return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            case not null when result.GetType().IsGenericType && result.GetType().GetGenericTypeDefinition() == typeof(ValueTask<>):
                var asTask = (Task)result.GetType().GetMethod("AsTask")!.Invoke(result, null)!;
                await asTask;
                return asTask.GetType().GetProperty("Result")!.GetValue(asTask);
            default:
                return result;
        }
    }
}
