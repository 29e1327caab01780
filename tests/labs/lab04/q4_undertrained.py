# Wrong answer for q4: a reasonable network, but one epoch of plain SGD with a small learning rate: far from 97 %.
def train_digits_cnn(X, y, seed=0):
    """Build and train a CNN on 8x8 digits X (N, 1, 8, 8) with labels y (N,); return the trained nn.Module."""
    torch.manual_seed(seed)
    model = nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 2 * 2, 10),
    )
    loader = make_loader(X, y, batch_size=64, seed=seed)
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    for xb, yb in loader:
        loss = F.cross_entropy(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return model
