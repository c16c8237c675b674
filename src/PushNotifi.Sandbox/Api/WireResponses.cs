namespace PushNotifi.Sandbox;

// Response bodies of the /api/v1 wire contract (snake_case through WireJsonContext).

/// <summary>200 answer to a send.</summary>
internal sealed record MessageAccepted(string Message, string Id, bool Duplicate);

/// <summary>Every error answer: human text, a stable code and, for 400, the offending field.</summary>
internal sealed record ApiError(string Message, string Error, string? Field = null);

/// <summary>One application of the account.</summary>
internal sealed record ApplicationInfo(string ApplicationKey, string Name, bool IsDefault);

/// <summary>Answer to <c>GET /api/v1/applications</c>.</summary>
internal sealed record ApplicationsResponse(string Message, IReadOnlyList<ApplicationInfo> Applications);

/// <summary>Answer to <c>GET /api/v1/applications/{key}</c>.</summary>
internal sealed record ApplicationResponse(string Message, ApplicationInfo Application);

/// <summary>One group of the account.</summary>
internal sealed record GroupInfo(string GroupKey, string Name);

/// <summary>Answer to <c>GET /api/v1/groups</c>.</summary>
internal sealed record GroupsResponse(string Message, IReadOnlyList<GroupInfo> Groups);

/// <summary>One delivered message as listed by <c>GET /api/v1/messages</c>.</summary>
internal sealed record SentMessageInfo(
    string Id,
    string Type,
    string? Title,
    string Message,
    int Priority,
    string? IdempotencyKey,
    DateTimeOffset CreatedAt);

/// <summary>Answer to <c>GET /api/v1/messages</c>.</summary>
internal sealed record MessagesResponse(string Message, IReadOnlyList<SentMessageInfo> Messages);
