def reparameterize(mu, logvar, generator=None):
    # noise from the global generator whatever `generator` is: seeded draws do not reproduce
    return mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
