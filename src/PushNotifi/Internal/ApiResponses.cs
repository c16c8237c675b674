namespace PushNotifi;

/// <summary>The answer to a send: <c>{"message","id","duplicate"}</c>.</summary>
internal sealed record SendResponse(string? Message, string? Id, bool Duplicate);

/// <summary>An error answer: <c>{"message","error","field"}</c>.</summary>
internal sealed record ErrorResponse(string? Message, string? Error, string? Field);

/// <summary>The answer to <c>GET /api/v1/applications</c>.</summary>
internal sealed record ApplicationsResponse(string? Message, IReadOnlyList<PushNotifiApplication>? Applications);

/// <summary>The answer to <c>GET /api/v1/applications/{key}</c>.</summary>
internal sealed record ApplicationResponse(string? Message, PushNotifiApplication? Application);

/// <summary>The answer to <c>GET /api/v1/groups</c>.</summary>
internal sealed record GroupsResponse(string? Message, IReadOnlyList<PushNotifiGroup>? Groups);

/// <summary>The answer to <c>GET /api/v1/messages</c>.</summary>
internal sealed record MessagesResponse(string? Message, IReadOnlyList<PushNotifiSentMessage>? Messages);
