#Requires -Version 7.0
<#
.SYNOPSIS
  Sends a PushNotifi alert with the per-user inbound-webhook token (the twin of notify.sh).
.EXAMPLE
  $env:PUSHNOTIFI_WEBHOOK_TOKEN = '...'; ./scripts/notify.ps1 -Title 'Deploy failed' -Message 'my-repo run 42'
.NOTES
  Optional: PUSHNOTIFI_API_BASE_URL (default https://api.pushnotifi.me). The token is never written out:
  errors report the HTTP status only, because the request URL holds the token.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $Title,
    [Parameter(Mandatory)][string] $Message
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

if ([string]::IsNullOrEmpty($env:PUSHNOTIFI_WEBHOOK_TOKEN)) {
    throw 'PUSHNOTIFI_WEBHOOK_TOKEN must be set'
}
$baseUrl = if ($env:PUSHNOTIFI_API_BASE_URL) { $env:PUSHNOTIFI_API_BASE_URL.TrimEnd('/') } else { 'https://api.pushnotifi.me' }
$body = @{ title = $Title; message = $Message } | ConvertTo-Json -Compress

try {
    $response = Invoke-RestMethod -Method Post -ContentType 'application/json' -Body $body `
        -Uri "$baseUrl/api/v1/webhooks/incoming/$($env:PUSHNOTIFI_WEBHOOK_TOKEN)"
    Write-Output $response.message
}
catch {
    $status = if ($_.Exception.PSObject.Properties['Response'] -and $_.Exception.Response) { [int]$_.Exception.Response.StatusCode } else { 'none (no response)' }
    throw "PushNotifi webhook failed; HTTP status: $status"
}
