using System.Security.Cryptography;

namespace PushNotifi.Sandbox.Api;

/// <summary>Mints opaque alert ids: <c>al_</c> plus 32 random hex digits (35 characters, within the contract's 64).</summary>
internal static class AlertIds
{
    public const string Prefix = "al_";

    public static string New() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
