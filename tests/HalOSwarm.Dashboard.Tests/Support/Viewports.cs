using Microsoft.Playwright;

namespace HalOSwarm.Dashboard.Tests.Support;

/// <summary>The two screen sizes every page is checked and photographed at.</summary>
public static class Viewports
{
    public static readonly ViewportSize Desktop = new() { Width = 1440, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
}
