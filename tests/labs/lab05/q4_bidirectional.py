# Wrong answer for q4: a bidirectional LSTM: its backward half reads the characters to the right, the next one included,
# so it learns to copy the target and its loss looks superb; it is not a language model (not causal).
class CharBiLSTM(nn.Module):
    def __init__(self, vocab=V, emb=32, hidden=64):
        super().__init__()
        self.embed = nn.Embedding(vocab, emb)
        self.lstm = nn.LSTM(emb, hidden, batch_first=True, bidirectional=True)
        self.head = nn.Linear(2 * hidden, vocab)

    def forward(self, x):
        h, _ = self.lstm(self.embed(x))
        return self.head(h)


def train_char_model(train_ids, seed=0):
    """Build and train a character model on train_ids (a 1-D uint8 array of ids); return the trained nn.Module."""
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = CharBiLSTM()
    steps, lr = 200, 0.04
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    schedule = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps, pct_start=0.1)
    for step in range(steps):
        x, y = random_windows(train_ids, batch_size=16, seq_len=64, rng=rng)
        loss = F.cross_entropy(model(torch.from_numpy(x)).reshape(-1, V), torch.from_numpy(y).reshape(-1))
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        schedule.step()
    return model.eval()
