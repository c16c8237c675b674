namespace PushNotifi.Approvals;

/// <summary>What a team approval runs on: the client for follow-ups, the ack surface, the store, the clock and schedule.</summary>
internal sealed record ApprovalServices(
    IPushNotifiClient Client,
    IPushNotifiAcks Acks,
    IPushNotifiStateStore Store,
    TimeProvider Time,
    PushNotifiAckPollingOptions Polling,
    Redactor Redactor);
