using System.IO;
using Scriban;
using Scriban.Runtime;

namespace PushNotifi.Generators.Emitting;

/// <summary>Loads the embedded Scriban templates (parsed once per process) and renders them.</summary>
internal static class ScribanRenderer
{
    public static readonly Template File = Load("AlertFile.sbn-cs");
    public static readonly Template Wrapper = Load("AlertWrapper.sbn-cs");
    public static readonly Template Block = Load("AlertBlock.sbn-cs");

    // Built once: a fresh TemplateContext would otherwise build Scriban's whole builtin library per render.
    private static readonly Scriban.Functions.BuiltinFunctions s_builtins = CreateBuiltins();

    [ThreadStatic]
    private static TemplateContext? t_context;

    public static string Render(Template template, ScriptObject model)
    {
        var context = t_context ??= new TemplateContext(s_builtins) { StrictVariables = true, MemberRenamer = member => member.Name };
        context.PushGlobal(model);
        context.PushOutput();
        try
        {
            return template.Render(context).Replace("\r\n", "\n");
        }
        finally
        {
            context.PopOutput();
            context.PopGlobal();
        }
    }

    private static Scriban.Functions.BuiltinFunctions CreateBuiltins()
    {
        var builtins = new Scriban.Functions.BuiltinFunctions();
        builtins.Import("indent", new Func<string, int, string>(Indent));
        return builtins;
    }

    private static string Indent(string text, int depth)
    {
        if (depth == 0 || text.Length == 0)
        {
            return text;
        }

        var pad = new string(' ', depth * 4);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > 0)
            {
                lines[i] = pad + lines[i];
            }
        }

        return string.Join("\n", lines);
    }

    private static Template Load(string name)
    {
        using var stream = typeof(ScribanRenderer).Assembly.GetManifestResourceStream("PushNotifi.Generators.Templates." + name)
            ?? throw new InvalidOperationException("Missing embedded template " + name);
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd(), name);
        if (template.HasErrors)
        {
            throw new InvalidOperationException("Template " + name + ": " + string.Join("; ", template.Messages));
        }

        return template;
    }
}
