using PushNotifi.Approvals;

namespace PushNotifi;

/// <summary>
/// The <see cref="IPushNotifiApprovals"/> of the runtime: team approvals orchestrated over
/// <see cref="IPushNotifiAcks"/> (one priority-2 alert per target) and <see cref="IPushNotifiClient"/> (the
/// low-priority follow-ups), with their alerts kept in the state store. <c>AddPushNotifi</c> registers it; without a
/// container, make one over a <see cref="PushNotifiClient"/>.
/// </summary>
/// <example><code>
/// var approvals = new PushNotifiApprovals(client);
/// var decision = await approvals.RequestApprovalAsync(new PushNotifiApprovalRequest
/// {
///     Message = "Deploy v2 to production?",
///     Steps = [new() { Targets = [PushNotifiApprovalTarget.User(alice), PushNotifiApprovalTarget.User(bob)] }],
///     RequiredApprovals = 2,
///     ApprovalId = runId,
/// });
/// if (!decision.IsApproved) return; // denied, expired or cancelled: do not deploy
/// </code></example>
public sealed class PushNotifiApprovals : IPushNotifiApprovals
{
    private readonly ApprovalServices _services;

    /// <summary>
    /// Approvals over <paramref name="client"/>, with its clock, polling schedule and redactor, and
    /// <paramref name="store"/> (default: the client's container store, else <see cref="PushNotifiAlerts.Store"/>).
    /// </summary>
    public PushNotifiApprovals(PushNotifiClient client, IPushNotifiStateStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _services = new ApprovalServices(
            client,
            client,
            store ?? client.StateStore ?? PushNotifiAlerts.Store,
            client.TimeProvider,
            client.Options.AckPolling,
            client.Redactor);
    }

    /// <summary>
    /// Approvals over any client and ack surface (decorators and fakes too). The store keeps each approval's alerts
    /// when it also implements <see cref="IPushNotifiRecordStore"/>; otherwise a restart re-attaches through the API's
    /// idempotency keys alone.
    /// </summary>
    public PushNotifiApprovals(
        IPushNotifiClient client,
        IPushNotifiAcks acks,
        IPushNotifiStateStore store,
        TimeProvider? timeProvider = null,
        PushNotifiAckPollingOptions? polling = null,
        Redactor? redactor = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(acks);
        ArgumentNullException.ThrowIfNull(store);
        _services = new ApprovalServices(
            client,
            acks,
            store,
            timeProvider ?? TimeProvider.System,
            polling ?? new PushNotifiAckPollingOptions(),
            redactor ?? Redactor.Default);
    }

    /// <inheritdoc />
    public Task<PushNotifiApprovalDecision> RequestApprovalAsync(
        PushNotifiApprovalRequest request,
        IProgress<PushNotifiApprovalProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var plan = ApprovalPlan.From(request, _services.Polling);
        return new ApprovalRun(_services, plan, progress).RunAsync(cancellationToken);
    }
}
