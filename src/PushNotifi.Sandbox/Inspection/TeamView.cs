using PushNotifi.Sandbox.Logging;

namespace PushNotifi.Sandbox.Inspection;

/// <summary><c>GET /sandbox/team</c>: the team the inbox can tap as, keys only as their last 4 characters.</summary>
internal sealed record TeamView(IReadOnlyList<TeamMemberView> Members, string? Group)
{
    public static TeamView Of(SandboxSecrets secrets) => new(
        [.. secrets.TeamMembers.Select((key, i) => new TeamMemberView(i + 1, SandboxSecrets.LastFour(key), SandboxOptions.TeamDeviceId(i + 1)))],
        SandboxSecrets.Mask(secrets.TeamGroupKey));
}

/// <summary>One team member: their number (what <c>as</c> takes), their key's last 4 characters and their device.</summary>
internal sealed record TeamMemberView(int Number, string Key, string DeviceId);
