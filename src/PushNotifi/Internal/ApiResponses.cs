namespace PushNotifi.Internal;

/// <summary>The answer to a send: <c>{"message","id","duplicate","alert_id"}</c>; <c>alert_id</c> only for priority 2.</summary>
internal sealed record SendResponse(string? Message, string? Id, bool Duplicate, string? AlertId);

/// <summary>The answer to <c>GET /api/v1/alerts/{id}/status</c>.</summary>
internal sealed record AckStatusResponse(string? AlertId, bool Acked, string? AckedAt, string? AckedByDeviceId, string? Response, string? Comment);

/// <summary>An error answer: <c>{"message","error","field"}</c>.</summary>
internal sealed record ErrorResponse(string? Message, string? Error, string? Field);

/// <summary>The answer to <c>GET /api/v1/applications</c>.</summary>
internal sealed record ApplicationsResponse(string? Message, IReadOnlyList<PushNotifiApplication>? Applications);

/// <summary>The answer to <c>GET /api/v1/applications/{key}</c>.</summary>
internal sealed record ApplicationResponse(string? Message, PushNotifiApplication? Application);


/// <summary>The body of an inbound-webhook send: <c>{"title","message"}</c>.</summary>
internal sealed record WebhookRequest(string? Title, string Message);
