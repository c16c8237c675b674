using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace PushNotifi.Benchmarks;

/// <summary>
/// The hand-written alternative to the generator: a DispatchProxy decorator doing the same job (call,
/// alert once on failure through the same alert runtime, rethrow). Titles and keys come from
/// [ProxyAlert] and are rendered only on failure.
/// </summary>
/// <typeparam name="T">The interface to decorate.</typeparam>
public class AlertingProxy<T> : DispatchProxy
    where T : class
{
    private static readonly ConcurrentDictionary<Type, MethodInfo> s_awaiters = new();
    private static readonly MethodInfo s_awaitOpen = typeof(AlertingProxy<T>).GetMethod(nameof(AwaitAndAlertAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private T _target = null!;
    private IPushNotifiClient _client = null!;

    /// <summary>Makes the proxy decorate <paramref name="target"/>, alerting through <paramref name="client"/>; call once after <see cref="DispatchProxy.Create{T, TProxy}"/>.</summary>
    public void Decorate(T target, IPushNotifiClient client)
    {
        _target = target;
        _client = client;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        object? result;
        try
        {
            result = targetMethod.Invoke(_target, args);
        }
        catch (TargetInvocationException wrapper) when (wrapper.InnerException is { } ex && PushNotifiAlertRuntime.ShouldAlert(ex, false, Token(args)))
        {
            Alert(targetMethod, args, ex).Send(Token(args));
            ExceptionDispatchInfo.Throw(ex);
            throw;
        }

        if (result is Task task && !task.IsCompletedSuccessfully)
        {
            // The slow path needs a Task<TResult> of the declared type, so it goes through a cached generic method.
            var awaiter = task.GetType().IsGenericType
                ? s_awaiters.GetOrAdd(targetMethod.ReturnType, static type => s_awaitOpen.MakeGenericMethod(type.GetGenericArguments()[0]))
                : throw new NotSupportedException("Only Task<TResult> is decorated in this benchmark.");
            return awaiter.Invoke(this, [task, targetMethod, args]);
        }

        return result;
    }

    private static CancellationToken Token(object?[]? args) =>
        args?.OfType<CancellationToken>().FirstOrDefault() ?? default;

    private PushNotifiAlertContext Alert(MethodInfo method, object?[]? args, Exception ex)
    {
        var context = PushNotifiAlertRuntime.Failure(_client, ex, 0, method.Name);
        var attribute = method.GetCustomAttribute<ProxyAlertAttribute>();
        var texts = (args ?? []).Select(a => (object)context.Text(a)).ToArray();
        context.Title = attribute is null ? method.Name + " failed" : string.Format(CultureInfo.InvariantCulture, attribute.Title, texts);
        context.Message = context.ExceptionType + ": " + context.ExceptionMessage;
        context.IdempotencyKey = attribute is null ? null : string.Format(CultureInfo.InvariantCulture, attribute.IdempotencyKey, texts);
        return context;
    }

    private async Task<TResult> AwaitAndAlertAsync<TResult>(Task<TResult> task, MethodInfo method, object?[]? args)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (PushNotifiAlertRuntime.ShouldAlert(ex, false, Token(args)))
        {
            await Alert(method, args, ex).SendAsync(Token(args)).ConfigureAwait(false);
            throw;
        }
    }
}
