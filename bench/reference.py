#!/usr/bin/python3
"""PyTorch eager reference for flystage-bench: the same network, batch, data and loop.

The architecture is core/model/ResNet.cpp rebuilt module by module (CIFAR-style ResNet-18
variants: 3x3 stem without max-pool, BasicBlocks, normalization inside the network,
avg_pool2d(k, k) and a linear head); the preset values come from `flystage-bench spec`, so
they cannot drift from core/model/Presets.cpp. Training is the Trainer's step (uint8 rows ->
float [0,1], per-image flips, SGD with momentum and weight decay, cross entropy, backward,
step, loss.item()); inference is the Predictor's (eval mode, no grad, batch of 64, softmax).

Run with Debian's /usr/bin/python3 (python3-torch 1.13, the same build as libtorch-dev).
Prints one JSON object on stdout.
"""

import argparse
import json
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, stride=1, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = nn.Sequential()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(
                nn.Conv2d(cin, cout, 1, stride=stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        y += x if len(self.shortcut) == 0 else self.shortcut(x)
        return F.relu(y)


class ResNet(nn.Module):
    def __init__(self, spec):
        super().__init__()
        self.pool = spec["pool_kernel"]
        self.register_buffer("mean", torch.tensor(spec["mean"]).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor(spec["std"]).view(1, 3, 1, 1))
        widths, blocks = spec["widths"], spec["blocks"]
        layers = [nn.Conv2d(3, widths[0], 3, stride=spec["stem_stride"], padding=1, bias=False),
                  nn.BatchNorm2d(widths[0]), nn.ReLU()]
        cin = widths[0]
        for stage, (w, n) in enumerate(zip(widths, blocks)):
            for b in range(n):
                layers.append(BasicBlock(cin, w, 2 if (b == 0 and stage > 0) else 1))
                cin = w
        self.body = nn.Sequential(*layers)
        self.head = nn.Linear(spec["feature_size"], spec["num_classes"])

    def features(self, x):
        y = self.body((x - self.mean) / self.std)
        return F.avg_pool2d(y, self.pool, self.pool).flatten(1)

    def forward(self, x):
        return self.head(self.features(x))


def forward_gflops(model, spec):
    """Multiply-adds x 2 of the convolutions and the head, counted from the built modules."""
    flops = 0.0
    hooks = []

    def conv_hook(m, inp, out):
        nonlocal flops
        k = m.kernel_size[0] * m.kernel_size[1]
        flops += 2.0 * out.shape[2] * out.shape[3] * m.in_channels * m.out_channels * k

    def linear_hook(m, inp, out):
        nonlocal flops
        flops += 2.0 * m.in_features * m.out_features

    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            hooks.append(m.register_forward_hook(conv_hook))
        elif isinstance(m, nn.Linear):
            hooks.append(m.register_forward_hook(linear_hook))
    model.eval()
    with torch.no_grad():
        model(torch.rand(1, 3, spec["input_height"], spec["input_width"]))
    for h in hooks:
        h.remove()
    return flops / 1e9


def load_batch_file(path, n, h, w):
    data = open(path, "rb").read()
    want = n * 3 * h * w + n * 8
    if len(data) != want:
        sys.exit(f"{path}: {len(data)} bytes, expected {want} for {n} images of 3x{h}x{w}")
    images = torch.frombuffer(bytearray(data[:n * 3 * h * w]), dtype=torch.uint8).view(n, 3, h, w)
    labels = torch.frombuffer(bytearray(data[n * 3 * h * w:]), dtype=torch.int64).clone()
    return images.clone(), labels


# Wall-clock time for the figures; process CPU time (--clock cpu, one thread) compares variants
# on a busy machine, where other processes' load would blur the wall clock.
CLOCK = time.perf_counter
DEVICE = torch.device("cpu")


def now():
    """The clock, after the GPU has finished what was queued."""
    if DEVICE.type == "cuda":
        torch.cuda.synchronize()
    return CLOCK()


def to_input(u8):
    return u8.to(torch.float32).div_(255.0)


def median_rate(times, images):
    return images / statistics.median(times)


def bench_train(model, images, labels, batch, warmup, steps, repeats, channels_last, bf16):
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4)
    model.train()
    n = images.shape[0]
    cursor = [0]

    def step(k):
        idx = (torch.arange(batch, device=images.device) + cursor[0]) % n
        cursor[0] = (cursor[0] + batch) % n
        x = to_input(images.index_select(0, idx))
        # The Trainer's per-image flips, in a fixed pattern so both sides do the same work.
        for i in range(batch):
            if (k + i) % 2 == 0:
                x[i] = x[i].flip(2)
            if (k + i) % 3 == 0:
                x[i] = x[i].flip(1)
        if channels_last:
            x = x.contiguous(memory_format=torch.channels_last)
        y = labels.index_select(0, idx)
        opt.zero_grad()
        with torch.autocast(DEVICE.type, dtype=torch.bfloat16, enabled=bf16):
            logits = model(x)
            loss = F.cross_entropy(logits.float(), y)
        loss.backward()
        opt.step()
        loss.item()
        logits.argmax(1).eq(y).sum().item()

    k = 0
    for _ in range(warmup):
        step(k)
        k += 1
    times = []
    for _ in range(repeats):
        t0 = now()
        for _ in range(steps):
            step(k)
            k += 1
        times.append(now() - t0)
    return median_rate(times, steps * batch), times


def bench_infer(model, images, batch, warmup, steps, repeats, channels_last, bf16):
    model.eval()
    n = images.shape[0]
    cursor = [0]

    def step():
        idx = (torch.arange(batch, device=images.device) + cursor[0]) % n
        cursor[0] = (cursor[0] + batch) % n
        x = to_input(images.index_select(0, idx))
        if channels_last:
            x = x.contiguous(memory_format=torch.channels_last)
        with torch.no_grad(), torch.autocast(DEVICE.type, dtype=torch.bfloat16, enabled=bf16):
            torch.softmax(model(x).float(), 1)

    for _ in range(warmup):
        step()
    times = []
    for _ in range(repeats):
        t0 = now()
        for _ in range(steps):
            step()
        times.append(now() - t0)
    return median_rate(times, steps * batch), times


def bench_peak(threads, size, repeats):
    out = {}
    for name, dtype in (("fp32", torch.float32), ("bf16", torch.bfloat16)):
        a = torch.rand(size, size).to(dtype)
        b = torch.rand(size, size).to(dtype)
        torch.mm(a, b)  # warm-up
        times = []
        for _ in range(repeats):
            t0 = now()
            torch.mm(a, b)
            times.append(now() - t0)
        out[name] = 2.0 * size ** 3 / statistics.median(times) / 1e9
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--spec", help="JSON from `flystage-bench spec --preset P`")
    ap.add_argument("--data", help="batch file from `flystage-bench data` (uint8 images, labels)")
    ap.add_argument("--count", type=int, default=0, help="images in the batch file")
    ap.add_argument("--threads", type=int, required=True)
    ap.add_argument("--train-batch", type=int, default=16)
    ap.add_argument("--infer-batch", type=int, default=64)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--steps", type=int, default=10, help="training steps per repeat")
    ap.add_argument("--infer-steps", type=int, default=4, help="inference batches per repeat")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--channels-last", action="store_true")
    ap.add_argument("--bf16", action="store_true", help="bfloat16 autocast")
    ap.add_argument("--no-train", action="store_true")
    ap.add_argument("--clock", choices=["wall", "cpu"], default="wall")
    ap.add_argument("--device", default="cpu", help="cpu or cuda")
    ap.add_argument("--peak", type=int, default=0, help="only the N x N matmul peak")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    global CLOCK, DEVICE
    CLOCK = time.process_time if args.clock == "cpu" else time.perf_counter
    DEVICE = torch.device(args.device)
    result = {"threads": torch.get_num_threads(), "torch": torch.__version__,
              "device": str(DEVICE)}
    if args.peak:
        result.update(bench_peak(args.threads, args.peak, args.repeats))
        print(json.dumps(result))
        return

    spec = json.load(open(args.spec))
    torch.manual_seed(1)
    model = ResNet(spec)
    result["parameters"] = sum(p.numel() for p in model.parameters())
    result["buffers"] = sum(b.numel() for b in model.buffers())
    result["forward_gflops"] = forward_gflops(model, spec)
    model = model.to(DEVICE)
    if args.channels_last:
        model = model.to(memory_format=torch.channels_last)
    images, labels = load_batch_file(args.data, args.count, spec["input_height"],
                                     spec["input_width"])
    images, labels = images.to(DEVICE), labels.to(DEVICE)
    if not args.no_train:
        rate, times = bench_train(model, images, labels, args.train_batch, args.warmup,
                                  args.steps, args.repeats, args.channels_last, args.bf16)
        result["train_images_per_s"] = rate
        result["train_times"] = times
    rate, times = bench_infer(model, images, args.infer_batch, args.warmup, args.infer_steps,
                              args.repeats, args.channels_last, args.bf16)
    result["infer_images_per_s"] = rate
    result["infer_times"] = times
    print(json.dumps(result))


if __name__ == "__main__":
    main()
