global using Xunit;
global using MessagingProvider.Core.Tests;
