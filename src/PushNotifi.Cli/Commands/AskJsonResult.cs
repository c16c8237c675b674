namespace PushNotifi.Cli.Commands;

/// <summary>What <c>pushnotifi ask --json</c> prints: the whole answer, snake_case, every field present (null when unknown).</summary>
/// <param name="AlertId">The alert the question was sent as.</param>
/// <param name="Acked">Whether a person answered before the deadline.</param>
/// <param name="TimedOut">Whether the deadline passed with no answer.</param>
/// <param name="Response">The label tapped or the reply typed; null for a plain acknowledgement or no answer.</param>
/// <param name="Comment">The note added under the buttons, if any.</param>
/// <param name="AckedAt">When they answered.</param>
/// <param name="AckedByDeviceId">The device they answered from.</param>
/// <param name="Affirmative">Whether the answer says yes; false on a timeout, a negative label or a typed reply.</param>
/// <param name="ElapsedSeconds">How long the wait took, in seconds.</param>
internal sealed record AskJsonResult(
    string AlertId,
    bool Acked,
    bool TimedOut,
    string? Response,
    string? Comment,
    DateTimeOffset? AckedAt,
    string? AckedByDeviceId,
    bool Affirmative,
    double ElapsedSeconds)
{
    /// <summary>The JSON form of <paramref name="result"/>, with the person's texts passed through <paramref name="redactor"/>.</summary>
    public static AskJsonResult From(PushNotifiAckResult result, Redactor redactor) => new(
        result.AlertId,
        result.Acked,
        result.TimedOut,
        result.Response is null ? null : redactor.Redact(result.Response),
        result.Comment is null ? null : redactor.Redact(result.Comment),
        result.AckedAt,
        result.AckedByDeviceId is null ? null : redactor.Redact(result.AckedByDeviceId),
        result.IsAffirmative,
        Math.Round(result.Elapsed.TotalSeconds, 3));
}
