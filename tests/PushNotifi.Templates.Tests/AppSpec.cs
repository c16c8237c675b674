namespace PushNotifi.Templates.Tests;

/// <summary>An app to generate: a project template, recipe instantiations and the Program.cs that drives them.</summary>
/// <param name="Name">The project name, also its root namespace.</param>
/// <param name="ProjectTemplate"><c>console</c> or <c>web</c>.</param>
/// <param name="Templates">The arguments of each <c>dotnet new</c> recipe instantiation.</param>
/// <param name="Program">The file under TestApps copied to Program.cs, or null to keep the project's own.</param>
internal sealed record AppSpec(string Name, string ProjectTemplate, string[][] Templates, string? Program);
