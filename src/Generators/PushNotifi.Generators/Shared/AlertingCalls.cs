using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;

namespace PushNotifi.Generators.Shared;

/// <summary>
/// What counts as sending an alert, for PNA010 and for where "Add [PushNotifiAlert]" is not offered. Resolved once
/// per compilation and compared with <see cref="SymbolEqualityComparer"/>, never by display string. The code fix
/// compiles this file too (linked), so both apply one rule and the code fix never loads the generator's assembly.
/// </summary>
internal sealed class AlertingCalls
{
    private static readonly ConditionalWeakTable<Compilation, AlertingCalls> s_cache = new();

    private readonly INamedTypeSymbol? _client;
    private readonly IMethodSymbol? _clientSend;
    private readonly INamedTypeSymbol? _webhook;
    private readonly IMethodSymbol? _webhookSend;
    private readonly INamedTypeSymbol? _alerter;
    private readonly IMethodSymbol? _alerterSend;
    private readonly ImmutableArray<IMethodSymbol> _alertContextSends;

    private AlertingCalls(Compilation compilation)
    {
        _client = compilation.GetTypeByMetadataName(AlertAttributeNames.ClientMetadataName);
        _clientSend = _client?.GetMembers(AlertAttributeNames.ClientSendName).OfType<IMethodSymbol>().FirstOrDefault();
        _webhook = compilation.GetTypeByMetadataName(AlertAttributeNames.WebhookMetadataName);
        _webhookSend = _webhook?.GetMembers(AlertAttributeNames.ClientSendName).OfType<IMethodSymbol>().FirstOrDefault();
        _alerter = compilation.GetTypeByMetadataName(AlertAttributeNames.AlerterMetadataName);
        _alerterSend = _alerter?.GetMembers(AlertAttributeNames.AlerterSendName).OfType<IMethodSymbol>().FirstOrDefault();
        var context = compilation.GetTypeByMetadataName(AlertAttributeNames.AlertContextMetadataName);
        _alertContextSends = context is null
            ? ImmutableArray<IMethodSymbol>.Empty
            : context.GetMembers(AlertAttributeNames.ClientSendName).Concat(context.GetMembers(AlertAttributeNames.AlertContextSyncSendName))
                .OfType<IMethodSymbol>().ToImmutableArray();
    }

    public static AlertingCalls For(Compilation compilation) => s_cache.GetValue(compilation, static c => new AlertingCalls(c));

    /// <summary>
    /// Whether calling <paramref name="called"/> sends an alert, whatever the receiver (a field, another object's
    /// property, a local, a static): <c>IPushNotifiClient.SendAsync</c>, <c>IPushNotifiWebhook.SendAsync</c> or
    /// <c>IPushNotifiAlerter.TrySendAlertAsync</c> (or a class's implementation of one), or the runtime's
    /// <c>PushNotifiAlertContext.SendAsync</c> and <c>Send</c>.
    /// </summary>
    public bool IsAlertingCall(IMethodSymbol called)
    {
        // Names first: almost every call is answered here, without a symbol comparison.
        if (called.Name is not (AlertAttributeNames.ClientSendName or AlertAttributeNames.AlertContextSyncSendName or AlertAttributeNames.AlerterSendName))
        {
            return false;
        }

        var definition = called.OriginalDefinition;
        return IsSendOf(_client, _clientSend, definition)
            || IsSendOf(_webhook, _webhookSend, definition)
            || IsSendOf(_alerter, _alerterSend, definition)
            || _alertContextSends.Contains(definition, SymbolEqualityComparer.Default);
    }

    /// <summary>Whether <paramref name="definition"/> is <paramref name="send"/> or a class's implementation of it.</summary>
    private static bool IsSendOf(INamedTypeSymbol? sender, IMethodSymbol? send, IMethodSymbol definition) =>
        sender is not null && send is not null
        && (SymbolEqualityComparer.Default.Equals(definition, send)
            || (definition.ContainingType is { } type && type.AllInterfaces.Contains(sender, SymbolEqualityComparer.Default)
                && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(send), definition)));
}
