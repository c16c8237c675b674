// The namespaces most files of the generator and the code fix use, written once: both projects compile this folder.
global using System;
global using System.Collections.Generic;
global using System.Text;
global using System.Threading;
global using Microsoft.CodeAnalysis;
global using Microsoft.CodeAnalysis.CSharp;
global using Microsoft.CodeAnalysis.CSharp.Syntax;
global using PushNotifi.Generators.Shared;
