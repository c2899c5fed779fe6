<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DisplayNames</name>
    <message>
        <location filename="../ui/model/DisplayNames.cpp" line="+21"/>
        <source>%1 (imported)</source>
        <translation>%1（已导入）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>plain</source>
        <translation>普通</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>data-level</source>
        <translation>数据层面</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>two-step</source>
        <translation>两步法</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>two-step without L_S (CE only)</source>
        <translation>两步法（无 L_S，仅交叉熵）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>gabor</source>
        <translation>Gabor</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>ResNet-18 (CIFAR stem), 128x320, 20,480-d feature; the paper&apos;s model (GPU)</source>
        <translation>ResNet-18（CIFAR 主干），128x320，20,480 维特征；论文中的模型（GPU）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stride-2 stem, widths 24-192, 1 block per stage, 128x320 (CPU)</source>
        <translation>步长为 2 的主干，宽度 24–192，每级 1 个块，128x320（CPU）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the fast preset at 64x160, widths 16-128 (the 10-minute CPU demo)</source>
        <translation>快速预设，64x160，宽度 16–128（10 分钟的 CPU 演示）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a very small network at 32x80 for tests</source>
        <translation>用于测试的 32x80 极小网络</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Vanilla gradient</source>
        <translation>普通梯度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SmoothGrad</source>
        <translation>SmoothGrad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Integrated gradients</source>
        <translation>积分梯度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grad-CAM (last two stages)</source>
        <translation>Grad-CAM（最后两个阶段）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 - fails its sanity check</source>
        <translation>%1 - 未通过合理性检查</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (was range %2)</source>
        <translation>%1（原范围 %2）</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>CPU (%n thread(s))</source>
        <translation>
            <numerusform>CPU（%n 个线程）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>CUDA with %n GPU(s)</source>
        <translation>
            <numerusform>CUDA，%n 个 GPU</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no CUDA GPU</source>
        <translation>无 CUDA GPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2; LibTorch %3</source>
        <translation>%1，%2；LibTorch %3</translation>
    </message>
</context>
<context>
    <name>DurationText</name>
    <message>
        <location filename="../ui/model/DurationText.h" line="+14"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
</context>
<context>
    <name>LabelKeys</name>
    <message>
        <location filename="../ui/model/LabelKeys.cpp" line="+16"/>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Stage &amp;%1</source>
        <translation>发育期 &amp;%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Range %1</source>
        <translation>发育期范围 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Accept the Predicted Stage</source>
        <translation>接受预测的发育期(&amp;A)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Remove the Label</source>
        <translation>移除标签(&amp;R)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Next image</source>
        <translation>下一张图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous image</source>
        <translation>上一张图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo / redo</source>
        <translation>撤销 / 重做</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> / </source>
        <translation> / </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This help</source>
        <translation>本帮助</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;Keys act on the selected images (one undo step for all of them); after a label the next image is selected, unless Label &amp;gt; Advance After Labelling is off.&lt;/p&gt;&lt;p&gt;Stages 4 to 9: the digit. Stages 10 to 17: type the number (1, then 0 to 7), or hold Shift and press the last digit. Stage ranges: Ctrl with the BDGP bin number 1 to 6. A stage sets its range too; a range replaces a stage.&lt;/p&gt;</source>
        <translation>&lt;p&gt;按键作用于所选图像（所有图像共用一个撤销步骤）；标注后会自动选中下一张图像，除非已关闭“标注 &amp;gt; 标注后前进”。&lt;/p&gt;&lt;p&gt;发育期 4 至 9：按对应数字。发育期 10 至 17：输入该数字（先按 1，再按 0 至 7），或按住 Shift 再按个位数字。发育期范围：Ctrl 加 BDGP 分组编号 1 至 6。设置发育期时也会设置其所属范围；设置范围会替换发育期。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PlotSaving</name>
    <message>
        <location filename="../ui/views/PlotSaving.cpp" line="+35"/>
        <source>%1: choose a .png, .pdf or .svg file name.</source>
        <translation>%1：请选择扩展名为 .png、.pdf 或 .svg 的文件名。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 could not be written; check the folder&apos;s permissions and the free disk space.</source>
        <translation>无法写入 %1；请检查文件夹的权限和可用磁盘空间。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save Image…</source>
        <translation>保存图像…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save this plot as a PNG, PDF or SVG file</source>
        <translation>将此图表保存为 PNG、PDF 或 SVG 文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save Plot</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image (*.png);;PDF (*.pdf);;SVG (*.svg)</source>
        <translation>PNG 图像 (*.png);;PDF (*.pdf);;SVG (*.svg)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plot Not Saved</source>
        <translation>图表未保存</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <location filename="../ui/model/DisplayNames.cpp" line="-128"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>training here</source>
        <translation>正在此处训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running elsewhere or interrupted</source>
        <translation>在别处运行或已中断</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../ui/panels/TrainingForm.cpp" line="+31"/>
        <source>#%1 %2 · %3 · seed %4</source>
        <translation>#%1 %2 · %3 · 种子 %4</translation>
    </message>
</context>
<context>
    <name>TrainingPhase</name>
    <message>
        <location filename="../ui/model/TrainingPhase.h" line="+13"/>
        <source>Loading images</source>
        <translation>正在加载图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Range pretraining</source>
        <translation>发育期范围预训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage fine-tuning</source>
        <translation>发育期微调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feature level</source>
        <translation>特征层面</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choosing reference images</source>
        <translation>正在选择参考图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain training</source>
        <translation>普通训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gabor baseline</source>
        <translation>Gabor 基线</translation>
    </message>
</context>
<context>
    <name>flystage::ui::AgreementPanel</name>
    <message>
        <location filename="../ui/panels/AgreementPanel.cpp" line="+59"/>
        <source>Agreement of each two labellers</source>
        <translation>每两位标注者的一致性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labeller A</source>
        <translation>标注者 A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Labeller B</source>
        <translation>标注者 B</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+27"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Kappa [95% CI]</source>
        <translation>Kappa [95% 置信区间]</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exact</source>
        <translation>完全一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cohen&apos;s kappa weighted by stage distance (1: always the same stage, 0: no better than chance) with its 95% bootstrap interval over images, and the share of images given the same stage</source>
        <translation>按发育期距离加权的 Cohen kappa（1：总是相同发育期，0：不比随机好），附按图像自助法得到的 95% 区间，以及给出相同发育期的图像比例</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kappa per stage</source>
        <translation>各发育期的 kappa</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+105"/>
        <source>Stage</source>
        <translation>发育期</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Per stage: the kappa of that stage against any other, for each pair of labellers; - where neither used the stage</source>
        <translation>按发育期：该发育期对其他任一发育期的 kappa，针对每对标注者；两人都未使用该发育期处为 -</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Confusion between two labellers</source>
        <translation>两位标注者之间的混淆</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run beside the labellers</source>
        <translation>与标注者并列的运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The run whose stored calls are compared with each labeller on the images both labellers staged</source>
        <translation>其已存储的判定将在两位标注者都标注了发育期的图像上与每位标注者比较的运行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model beside the labellers</source>
        <translation>模型与标注者并列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labellers</source>
        <translation>标注者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kappa A / B</source>
        <translation>Kappa A / B</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kappa run / A</source>
        <translation>Kappa 运行 / A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kappa run / B</source>
        <translation>Kappa 运行 / B</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Per stage:</source>
        <translation>按发育期：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Beside the run:</source>
        <translation>与运行并列：</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The agreement could not be computed: %1</source>
        <translation>无法计算一致性：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No two labellers have staged the same image yet. Set your name in Preferences (Labeller name); images another labeller staged are in Label next &gt; Labeller conflicts when you disagree.</source>
        <translation>尚无两位标注者为同一图像标注发育期。请在首选项中设置您的名字（标注者姓名）；当您与其他标注者意见不一致时，这些图像会出现在“下一个标注 &gt; 标注者冲突”中。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n pair(s) of labellers share images.</source>
        <translation>
            <numerusform>%n 对标注者有共同图像。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Confusion between two labellers: none yet.</source>
        <translation>两位标注者之间的混淆：暂无。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Confusion: %1 in rows, %2 in columns</source>
        <translation>混淆：%1 为行，%2 为列</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Run #%1&apos;s calls could not be read: %2</source>
        <translation>无法读取运行 #%1 的判定：%2</translation>
    </message>
</context>
<context>
    <name>flystage::ui::BackgroundTask</name>
    <message>
        <location filename="../ui/tasks/BackgroundTask.cpp" line="+148"/>
        <source>An unexpected error stopped the work.</source>
        <translation>一个意外错误中止了此项工作。</translation>
    </message>
</context>
<context>
    <name>flystage::ui::ConfusionMatrixView</name>
    <message>
        <location filename="../ui/views/ConfusionMatrixView.cpp" line="+32"/>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>True stage in rows, predicted stage in columns. Click a cell (or press Enter on it) to see its images.</source>
        <translation>行为真实发育期，列为预测发育期。单击单元格（或在其上按 Enter）可查看其中的图像。</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Run #%1: %n test image(s), %2 on the diagonal. Arrow keys move between cells; Enter shows a cell&apos;s images.</source>
        <translation>
            <numerusform>运行 #%1：%n 张测试图像，其中 %2 张位于对角线上。方向键可在单元格之间移动；按 Enter 显示单元格中的图像。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+160"/>
        <source>No finished run selected.</source>
        <translation>未选择已完成的运行。</translation>
    </message>
    <message numerus="yes">
        <location line="-105"/>
        <source>True stage %1, predicted %2: %n image(s)</source>
        <translation>
            <numerusform>真实发育期 %1，预测为 %2：%n 张图像</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (%1 % of stage %2)</source>
        <translation> (占发育期 %2 的 %1 %)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; right</source>
        <translation>；正确</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; a neighbouring stage</source>
        <translation>；相邻发育期</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Predicted stage</source>
        <translation>预测发育期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>True stage</source>
        <translation>真实发育期</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>neighbouring stage (±1) · shade: share of the true stage</source>
        <translation>相邻发育期（±1）· 色深：占真实发育期的比例</translation>
    </message>
</context>
<context>
    <name>flystage::ui::FilterBar</name>
    <message>
        <location filename="../ui/panels/FilterBar.cpp" line="+56"/>
        <source>Image filters</source>
        <translation>图像筛选</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter by file, gene, stage range or split (Ctrl+F)</source>
        <translation>按文件、基因、发育期范围或数据划分筛选（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter images</source>
        <translation>筛选图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only the images whose file, gene, stage or split contains this</source>
        <translation>仅显示文件、基因、发育期或数据划分包含此内容的图像</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sort images</source>
        <translation>图像排序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order of the grid and the table</source>
        <translation>网格和表格中的排列顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By image number</source>
        <translation>按图像编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Least confident first</source>
        <translation>置信度最低的优先</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most confident first</source>
        <translation>置信度最高的优先</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label-next order</source>
        <translation>待标注顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By a table column</source>
        <translation>按表格列</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the filters</source>
        <translation>显示筛选条件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the filters on labels, split and predictions</source>
        <translation>显示或隐藏针对标签、数据划分和预测的筛选条件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show All</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset the filters</source>
        <translation>重置筛选条件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear every filter and show all images (the run stays chosen)</source>
        <translation>清除所有筛选条件并显示全部图像（所选运行保持不变）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>S&amp;ort</source>
        <translation>排序(&amp;O)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stage range filter</source>
        <translation>发育期范围筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only images labelled with this stage range</source>
        <translation>仅显示标注为此发育期范围的图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <location line="+9"/>
        <location line="+11"/>
        <location line="+7"/>
        <location line="+15"/>
        <location line="+1"/>
        <location line="+7"/>
        <source>Any</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Stage filter</source>
        <translation>发育期筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only images labelled with this precise stage</source>
        <translation>仅显示标注为此精确发育期的图像</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gene filter</source>
        <translation>基因筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only images of this gene (type a name, or pick one; empty: any)</source>
        <translation>仅显示此基因的图像（输入或选择基因名；留空：全部）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Split filter</source>
        <translation>数据划分筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only images in this part of the split</source>
        <translation>仅显示数据划分中此部分的图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not in the split</source>
        <translation>不在数据划分中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label state filter</source>
        <translation>标注状态筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labelled or not: a range only, a precise stage, or no label</source>
        <translation>是否已标注：仅有范围、有精确发育期或无标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlabelled</source>
        <translation>未标注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Range only</source>
        <translation>仅有范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With a stage</source>
        <translation>有发育期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labelled</source>
        <translation>已标注</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The training run whose predictions are shown and filtered</source>
        <translation>显示并筛选其预测结果的训练运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+141"/>
        <source>No run</source>
        <translation>无运行</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>Predicted stage filter</source>
        <translation>预测发育期筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only images the run predicts as this stage</source>
        <translation>仅显示该运行预测为此发育期的图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>True stage filter</source>
        <translation>真实发育期筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only images of this true stage: the stage the run trained or tested against, else the current label</source>
        <translation>仅显示此真实发育期的图像：即该运行训练或测试时所用的发育期，否则为当前标签</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Right or wrong filter</source>
        <translation>正误筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only predictions that match the true stage, or only those that miss</source>
        <translation>仅显示与真实发育期相符的预测，或仅显示不相符的预测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Right</source>
        <translation>正确</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+16"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lowest confidence</source>
        <translation>最低置信度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only predictions at least this confident</source>
        <translation>仅显示置信度不低于此值的预测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest confidence</source>
        <translation>最高置信度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only predictions at most this confident</source>
        <translation>仅显示置信度不高于此值的预测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test i&amp;mages</source>
        <translation>测试图像(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the run&apos;s test images</source>
        <translation>仅显示该运行的测试图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the run&apos;s test images: those its figures and confusion matrix count</source>
        <translation>仅显示该运行的测试图像：即其统计数字和混淆矩阵所计入的图像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outside the r&amp;ange</source>
        <translation>超出范围(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only images predicted outside their range</source>
        <translation>仅显示预测超出其范围的图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only images the run&apos;s model predicts outside their known stage range (its own call, before the range constraint; images of 1-3 are left out)</source>
        <translation>仅显示该运行的模型预测超出其已知发育期范围的图像（模型自身的判断，未经范围约束；不含 1-3 的图像）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Label next</source>
        <translation>待标注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show what to label next, from the run&apos;s predictions, best first (Ctrl+L)</source>
        <translation>根据该运行的预测显示接下来应标注的图像，最值得标注的优先（Ctrl+L）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Least confident</source>
        <translation>置信度最低</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Near a stage boundary</source>
        <translation>接近发育期边界</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disagrees with its range</source>
        <translation>与其范围不一致</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Labeller conflicts</source>
        <translation>标注者冲突</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Range</source>
        <translation>发育期范围(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tage</source>
        <translation>发育期(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;plit</source>
        <translation>数据划分(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Gene</source>
        <translation>基因(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>La&amp;bel</source>
        <translation>标签(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ru&amp;n</source>
        <translation>运行(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne&amp;xt</source>
        <translation>待标注(&amp;X)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre&amp;dicted</source>
        <translation>预测(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tr&amp;ue stage</source>
        <translation>真实发育期(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Correct</source>
        <translation>正误(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Conf&amp;idence</source>
        <translation>置信度(&amp;I)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Run %1 · %2 (%3)</source>
        <translation>运行 %1 · %2（%3）</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 张图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n image(s)</source>
        <translation>
            <numerusform>%1 / %n 张图像</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
</context>
<context>
    <name>flystage::ui::GemPanel</name>
    <message>
        <location filename="../ui/panels/GemPanel.cpp" line="+49"/>
        <source>Model run</source>
        <translation>模型运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The run whose predictions assign images to stages and whose saliency masks them</source>
        <translation>用其预测将图像分配到各发育期、并用其显著性对图像进行掩膜的运行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assign images by</source>
        <translation>图像分配依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predicted stage</source>
        <translation>预测发育期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage label</source>
        <translation>发育期标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count each image for its predicted stage, or for its precise stage label</source>
        <translation>将每张图像计入其预测发育期，或计入其精确发育期标签</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Minimum confidence</source>
        <translation>最低置信度</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only images whose predicted stage has at least this probability</source>
        <translation>仅包含预测发育期概率不低于此值的图像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gene</source>
        <translation>基因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One gene&apos;s images, or all genes (genome-wide)</source>
        <translation>单个基因的图像，或全部基因（全基因组）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Masked by saliency</source>
        <translation>按显著性掩膜(&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weight each embryo pixel by its saliency as the overlay shows it (scaled to the map&apos;s 99th percentile), so the maps show the regions that decided the stage</source>
        <translation>按叠加层显示的显著性为每个胚胎像素加权（按图的第 99 百分位缩放），使表达图显示决定发育期的区域</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saliency method</source>
        <translation>显著性方法</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the saliency masks are computed</source>
        <translation>显著性掩膜的计算方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Colour map</source>
        <translation>颜色映射</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour scale of the maps</source>
        <translation>图谱的色标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Build GEMs</source>
        <translation>生成 GEM(&amp;B)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Build the expression maps of every stage (Ctrl+B)</source>
        <translation>生成所有发育期的表达图谱（Ctrl+B）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop building</source>
        <translation>停止生成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the figure as PNG, SVG or PDF, with a CSV of its numbers</source>
        <translation>将图保存为 PNG、SVG 或 PDF，并附带其数值的 CSV 文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GEM progress</source>
        <translation>GEM 生成进度</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Run:</source>
        <translation>运行(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign &amp;by:</source>
        <translation>分配依据(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Min. &amp;confidence:</source>
        <translation>最低置信度(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Gene:</source>
        <translation>基因(&amp;G)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Saliency:</source>
        <translation>显著性(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour &amp;map:</source>
        <translation>颜色映射(&amp;M)：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Expression maps</source>
        <translation>表达图谱</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+50"/>
        <source>Choose a run and press Build to see the expression maps of every stage.</source>
        <translation>选择一个运行并点击“生成 GEM”，即可查看每个发育期的表达图谱。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All genes (genome-wide)</source>
        <translation>全部基因（全基因组）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>#%1 %2 (%3, seed %4)</source>
        <translation>#%1 %2（%3，种子 %4）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>None (stage labels only)</source>
        <translation>无（仅用发育期标签）</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Building…</source>
        <translation>正在生成…</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>%n image(s) in the maps; images assigned by %1.</source>
        <translation>
            <numerusform>图谱中共 %n 张图像；图像分配依据：%1。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>stage %1: %2 %</source>
        <translation>发育期 %1：%2 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the embryo the saliency masks keep: %1.</source>
        <translation>显著性掩膜保留的胚胎比例：%1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not build the maps: %1</source>
        <translation>无法生成图谱：%1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Saved %1 (and its numbers as CSV).</source>
        <translation>已保存 %1（及其数值的 CSV 文件）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The figure was not saved: %1</source>
        <translation>图未保存：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export GEM figure</source>
        <translation>导出 GEM 图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf);;SVG (*.svg);;PNG, 300 dpi (*.png)</source>
        <translation>PDF (*.pdf);;SVG (*.svg);;PNG，300 dpi (*.png)</translation>
    </message>
</context>
<context>
    <name>flystage::ui::ImageBrowser</name>
    <message>
        <location filename="../ui/panels/ImageBrowser.cpp" line="+29"/>
        <source>Image browser</source>
        <translation>图像浏览器</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Grid</source>
        <translation>网格(&amp;G)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the images as a grid of thumbnails (Ctrl+G)</source>
        <translation>以缩略图网格显示图像（Ctrl+G）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the images as a grid of thumbnails</source>
        <translation>以缩略图网格显示图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Table</source>
        <translation>表格(&amp;T)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the images as a table with every column (Ctrl+Shift+G)</source>
        <translation>以包含所有列的表格显示图像（Ctrl+Shift+G）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the images as a table with every column</source>
        <translation>以包含所有列的表格显示图像</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The images; keys 4 to 9, 1 then 0 to 7, and Ctrl+1 to 6 label the selected ones (F1 lists them)</source>
        <translation>图像；按 4 至 9、先按 1 再按 0 至 7，以及 Ctrl+1 至 6 可标注所选图像（按 F1 查看按键列表）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Image thumbnails</source>
        <translation>图像缩略图</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>No image has labellers who disagree: set a labeller name in Preferences and label images others labelled.</source>
        <translation>没有标注者意见不一致的图像：请在首选项中设置标注者姓名，并标注他人已标注的图像。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Run %1 has no stored predictions to rank; store them with &quot;flystage-cli predict --store&quot; first.</source>
        <translation>运行 %1 没有可供排序的已存储预测；请先使用 &quot;flystage-cli predict --store&quot; 存储预测。</translation>
    </message>
</context>
<context>
    <name>flystage::ui::ImageTableModel</name>
    <message>
        <location filename="../ui/model/ImageFilterModel.cpp" line="+115"/>
        <location filename="../ui/model/ImageTableModel.cpp" line="+58"/>
        <location line="+361"/>
        <source>unlabelled</source>
        <translation>未标注</translation>
    </message>
    <message>
        <location filename="../ui/model/ImageTableModel.cpp" line="-389"/>
        <source>Label from the import</source>
        <translation>来自导入的标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label from an accepted model prediction</source>
        <translation>来自已接受的模型预测的标签</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Label set by hand</source>
        <translation>手动设置的标签</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>stage %1</source>
        <translation>发育期 %1</translation>
    </message>
    <message>
        <location line="+251"/>
        <source>#%1 · %2</source>
        <translation>#%1 · %2</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>→ %1 · %2%</source>
        <translation>→ %1 · %2%</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (model %2)</source>
        <translation>%1（模型 %2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ≠ %2</source>
        <translation>%1 ≠ %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The model predicts %1 (%2%), outside the range %3</source>
        <translation>模型预测为 %1（%2%），超出范围 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>; inside the range: %1 at %2%</source>
        <translation>；范围内：%1，%2%</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>→ %1 at %2%, inside the range %3 (unconstrained %4 at %5%)</source>
        <translation>→ %1，%2%，在范围 %3 内（无约束时为 %4，%5%）</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Top stages %1 (%2%) and %3; margin %4%</source>
        <translation>概率最高的发育期为 %1（%2%）和 %3；差值 %4%</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Image %1, %2</source>
        <translation>图像 %1，%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gene</source>
        <translation>基因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stage range</source>
        <translation>发育期范围</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stage</source>
        <translation>发育期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Split</source>
        <translation>数据划分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next</source>
        <translation>待标注序号</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The image&apos;s number in the project</source>
        <translation>图像在项目中的编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The standardized image: rotated and cropped, anterior to the left</source>
        <translation>标准化后的图像：经旋转和裁剪，前端朝左</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One of the six BDGP stage ranges</source>
        <translation>六个 BDGP 发育期范围之一</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The precise developmental stage, 1 to 17, when known</source>
        <translation>精确发育期（1 至 17），如已知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training, validation or test part of the fixed split</source>
        <translation>固定数据划分中的训练集、验证集或测试集</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The stage the chosen run predicts</source>
        <translation>所选运行预测的发育期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The chosen run&apos;s probability for its predicted stage</source>
        <translation>所选运行对其预测发育期给出的概率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Position in the label-next queue: 1 is the image to label first</source>
        <translation>在待标注队列中的位置：1 表示最先标注的图像</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>flystage::ui::ImageView</name>
    <message>
        <location filename="../ui/views/ImageView.cpp" line="+99"/>
        <source>Image view</source>
        <translation>图像视图</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Standardized image</source>
        <translation>标准化图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The standardized image the model sees: anterior left, dorsal up. Wheel or Ctrl++ / Ctrl+- to zoom, drag to pan, Ctrl+0 to fit</source>
        <translation>模型所见的标准化图像：前端朝左，背侧朝上。用滚轮或 Ctrl++ / Ctrl+- 缩放，拖动以平移，Ctrl+0 适应窗口</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Original image</source>
        <translation>原始图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The original file as imported, before standardization</source>
        <translation>导入时的原始文件，未经标准化</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fit the image</source>
        <translation>使图像适应窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit the image to the view (Ctrl+0)</source>
        <translation>使图像适应视图（Ctrl+0）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Saliency</source>
        <translation>显著性(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show saliency</source>
        <translation>显示显著性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overlay where the chosen run&apos;s model looks to call the stage</source>
        <translation>叠加显示所选运行的模型在判断发育期时关注的区域</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saliency method</source>
        <translation>显著性方法</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gradients (vanilla, the paper&apos;s; SmoothGrad, averaged over noisy copies; integrated gradients) or Grad-CAM&apos;s regions. A method that failed its sanity check on this run says so</source>
        <translation>梯度（普通梯度，即论文所用方法；SmoothGrad，对加噪副本取平均；积分梯度）或 Grad-CAM 的区域。在此运行中未通过合理性检查的方法会注明</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saliency colour map</source>
        <translation>显著性颜色映射</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The colour scale of the overlay</source>
        <translation>叠加层的色标</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saliency opacity</source>
        <translation>显著性不透明度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How strongly the overlay covers the image</source>
        <translation>叠加层覆盖图像的程度</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saliency progress</source>
        <translation>显著性进度</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>No image selected</source>
        <translation>未选择图像</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unlabelled</source>
        <translation>未标注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>label %1</source>
        <translation>标签 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 part</source>
        <translation>数据划分：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The original file is missing: %1
It was moved or deleted after the import; the standardized copy above is kept in the project.</source>
        <translation>原始文件缺失：%1
该文件在导入后被移动或删除；上方的标准化副本仍保存在项目中。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The original file could not be read: %1</source>
        <translation>无法读取原始文件：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The chosen run has no prediction for this image</source>
        <translation>所选运行没有此图像的预测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No prediction: choose a run with stored predictions under Filters &gt; Run</source>
        <translation>无预测：请在“筛选 &gt; 运行”中选择一个已存储预测的运行</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Predicted stage %1 (%2%)</source>
        <translation>预测发育期 %1（%2%）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> inside the range %1 · the model alone: %2 (%3%)</source>
        <translation>，在范围 %1 内 · 仅看模型：%2（%3%）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> · right: true stage %1</source>
        <translation> · 正确：真实发育期 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> · wrong: true stage %1</source>
        <translation> · 错误：真实发育期 %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The saliency map is empty</source>
        <translation>显著性图为空</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Explains stage %1</source>
        <translation>解释发育期 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2 of %3 passes</source>
        <translation>%1：第 %2 / %3 遍</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Computing saliency…</source>
        <translation>正在计算显著性…</translation>
    </message>
</context>
<context>
    <name>flystage::ui::ImportController</name>
    <message>
        <location filename="../ui/dialogs/ImportController.cpp" line="+27"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importing Images</source>
        <translation>正在导入图像</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import progress</source>
        <translation>导入进度</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Importing %1 of %2: %3</source>
        <translation>正在导入第 %1 个，共 %2 个：%3</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Import Failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The images could not be imported.</source>
        <translation>无法导入图像。</translation>
    </message>
</context>
<context>
    <name>flystage::ui::ImportDialog</name>
    <message>
        <location filename="../ui/dialogs/ImportDialog.cpp" line="+25"/>
        <source>Import Images</source>
        <translation>导入图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Labels CSV</source>
        <translation>标签 CSV(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A CSV with the columns path, stage_range, stage, gene and split</source>
        <translation>包含 path、stage_range、stage、gene 和 split 列的 CSV 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Folder of images</source>
        <translation>图像文件夹(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every PNG, JPEG, TIFF and BMP image under a folder, without labels</source>
        <translation>某文件夹下的所有 PNG、JPEG、TIFF 和 BMP 图像，不含标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;BDGP dump (insitu_images.csv)</source>
        <translation>BDGP 数据转储 (insitu_images.csv)(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Berkeley Drosophila Genome Project&apos;s metadata dump; lateral views are kept</source>
        <translation>Berkeley 果蝇基因组计划（BDGP）的元数据转储；保留侧面视图</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+11"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Browse for the source</source>
        <translation>浏览选择来源</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The dump&apos;s folder</source>
        <translation>转储所在的文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images folder of the BDGP dump</source>
        <translation>BDGP 转储的图像文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder the dump&apos;s image paths are relative to</source>
        <translation>转储中图像路径所相对的文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Browse for the images folder</source>
        <translation>浏览选择图像文件夹</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import the good rows even if some rows are bad</source>
        <translation>即使部分行有误，也导入正确的行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off: any bad row or unreadable image makes the import refuse, lists every problem and imports nothing. On: the good rows are imported and the bad ones listed.</source>
        <translation>关闭：任何错误行或无法读取的图像都会导致拒绝导入，列出所有问题且不导入任何内容。开启：导入正确的行，并列出错误的行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Path:</source>
        <translation>路径(&amp;P)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Images folder:</source>
        <translation>图像文件夹(&amp;I)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Into &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>导入到 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>labels.csv</source>
        <translation>labels.csv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels CSV file</source>
        <translation>标签 CSV 文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image paths in the CSV are relative to its folder. Each row needs a stage range or a stage.</source>
        <translation>CSV 中的图像路径相对于其所在文件夹。每行需要一个发育期范围或一个发育期。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A folder of images</source>
        <translation>一个图像文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder of images</source>
        <translation>图像文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sub-folders are included. The images come in unlabelled.</source>
        <translation>包括子文件夹。导入的图像均未标注。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>insitu_images.csv</source>
        <translation>insitu_images.csv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BDGP dump file</source>
        <translation>BDGP 转储文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lateral views are imported with their stage range; other views are counted and left out.</source>
        <translation>侧面视图连同其发育期范围一起导入；其他视图只计数，不导入。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Folder of Images</source>
        <translation>图像文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>BDGP Dump</source>
        <translation>BDGP 转储</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Labels CSV</source>
        <translation>标签 CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Images Folder of the Dump</source>
        <translation>转储的图像文件夹</translation>
    </message>
</context>
<context>
    <name>flystage::ui::ImportReportDialog</name>
    <message>
        <location filename="../ui/dialogs/ImportReportDialog.cpp" line="+37"/>
        <source>Import Refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import Finished</source>
        <translation>导入完成</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Nothing was imported: %n problem(s) in %1.</source>
        <translation>
            <numerusform>未导入任何内容：%1 中有 %n 个问题。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Fix the rows below and import again, or import the %n good row(s) now and leave the bad ones out.</source>
        <translation>
            <numerusform>请修正下列行后重新导入，或立即导入 %n 个正确的行并略过错误的行。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No row could be imported; fix the rows below and import again.</source>
        <translation>没有可导入的行；请修正下列行后重新导入。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Imported %n image(s) from %1.</source>
        <translation>
            <numerusform>已从 %1 导入 %n 张图像。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n with a precise stage.</source>
        <translation>
            <numerusform>其中 %n 张有精确发育期。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n duplicate(s) already in the project, not imported again.</source>
        <translation>
            <numerusform>%n 个重复项已在项目中，未再次导入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n label(s) of images already in the project changed (Edit &gt; Undo restores them).</source>
        <translation>
            <numerusform>已更改项目中已有图像的 %n 个标签（编辑 &gt; 撤销可恢复）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n label(s) set by hand kept where the import gave another.</source>
        <translation>
            <numerusform>导入给出不同标签时，保留了 %n 个手动设置的标签。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n bad row(s) skipped.</source>
        <translation>
            <numerusform>已跳过 %n 个错误行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n non-lateral view(s) left out.</source>
        <translation>
            <numerusform>已略过 %n 个非侧面视图。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n image(s) added to the training/validation/test split.</source>
        <translation>
            <numerusform>已将 %n 张图像加入训练集/验证集/测试集划分。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Problems (%1):</source>
        <translation>问题（%1）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>… and %1 more</source>
        <translation>… 另有 %1 条</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Labels changed (%1):</source>
        <translation>已更改的标签（%1）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels set by hand, kept (%1):</source>
        <translation>保留的手动标签（%1）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duplicates (%1):</source>
        <translation>重复项（%1）：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Problems and duplicates</source>
        <translation>问题和重复项</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy Details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the list of problems and duplicates to the clipboard</source>
        <translation>将问题和重复项列表复制到剪贴板</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import the Good Rows</source>
        <translation>导入正确的行</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Import the %n row(s) without problems; the bad rows are left out and listed again</source>
        <translation>
            <numerusform>导入 %n 个没有问题的行；错误的行将被略过并再次列出</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flystage::ui::Labeller</name>
    <message>
        <location filename="../ui/model/Labeller.cpp" line="+73"/>
        <source>The label history could not be read: %1</source>
        <translation>无法读取标注历史：%1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The label was not saved: %1</source>
        <translation>标签未保存：%1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The project&apos;s label history changed outside this window; the undo list was reloaded. Nothing was undone or redone.</source>
        <translation>项目的标注历史在此窗口之外被更改；已重新加载撤销列表。未撤销或重做任何操作。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Undo or redo failed: %1</source>
        <translation>撤销或重做失败：%1</translation>
    </message>
</context>
<context>
    <name>flystage::ui::MainWindow</name>
    <message>
        <location filename="../ui/dialogs/ProjectDialogs.cpp" line="+29"/>
        <location line="+20"/>
        <source>FlyStage projects (*.flystage)</source>
        <translation>FlyStage 项目 (*.flystage)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+102"/>
        <source>&lt;b&gt;Read-only&lt;/b&gt;</source>
        <translation>&lt;b&gt;只读&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FlyStage may not write this project: you can browse it, show saliency and export figures, but not label, import or train</source>
        <translation>FlyStage 无权写入此项目：您可以浏览、显示显著性图并导出图表，但不能标注、导入或训练</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create an empty project file (Ctrl+N)</source>
        <translation>创建空的项目文件（Ctrl+N）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create an empty project file</source>
        <translation>创建空的项目文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a project file (Ctrl+O)</source>
        <translation>打开项目文件（Ctrl+O）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a .flystage project file</source>
        <translation>打开 .flystage 项目文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Import Images…</source>
        <translation>导入图像(&amp;I)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+420"/>
        <source>Import images from a labels CSV, a folder or a BDGP dump (Ctrl+I)</source>
        <translation>从标签 CSV、文件夹或 BDGP 转储导入图像（Ctrl+I）</translation>
    </message>
    <message>
        <location line="-419"/>
        <source>Import images from a labels CSV, a folder or a BDGP dump</source>
        <translation>从标签 CSV、文件夹或 BDGP 转储导入图像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Close Project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close the open project</source>
        <translation>关闭当前打开的项目</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quit FlyStage</source>
        <translation>退出 FlyStage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About FlyStage</source>
        <translation>关于 FlyStage(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version and credits</source>
        <translation>版本和致谢</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Default device, threads, thumbnail cache and language</source>
        <translation>默认设备、线程、缩略图缓存和语言</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undo the last labelling action (Ctrl+Z); also one of an earlier session</source>
        <translation>撤销上一次标注操作（Ctrl+Z）；也可撤销之前会话中的操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Redo the labelling action undone last (Ctrl+Shift+Z)</source>
        <translation>重做最近撤销的标注操作（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <location filename="../ui/panels/LabelMenu.cpp" line="+26"/>
        <source>from the import</source>
        <translation>来自导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from an accepted prediction</source>
        <translation>来自已接受的预测</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>set by hand</source>
        <translation>手动设置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>stage %1 (%2)</source>
        <translation>发育期 %1（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the range %1</source>
        <translation>范围 %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Next Image</source>
        <translation>下一张图像(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select the next image in the browser&apos;s order</source>
        <translation>按浏览器中的顺序选择下一张图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Previous Image</source>
        <translation>上一张图像(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select the previous image in the browser&apos;s order</source>
        <translation>按浏览器中的顺序选择上一张图像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ad&amp;vance After Labelling</source>
        <translation>标注后前进(&amp;V)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select the next image after each label</source>
        <translation>每次标注后选择下一张图像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Label-Next Queue</source>
        <translation>待标注队列(&amp;L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the images to label next, least confident first, from the chosen run&apos;s predictions (Ctrl+L)</source>
        <translation>根据所选运行的预测显示接下来要标注的图像，置信度最低的优先（Ctrl+L）</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Replace the Stage Range?</source>
        <translation>替换发育期范围？</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Replace the Stage Ranges?</source>
        <translation>替换发育期范围？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Image #%1 has %2, %3. Stage %4 lies outside that range: labelling it replaces the range with %5.</source>
        <translation>图像 #%1 的标签为 %2，%3。发育期 %4 不在该范围内：标注后该范围将被替换为 %5。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The old range stays in the label history: Undo restores it.</source>
        <translation>旧范围保留在标签历史中：撤销即可恢复。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n of the %1 images would get a stage outside their range, which replaces it:</source>
        <translation>
            <numerusform>%1 张图像中有 %n 张将得到超出其范围的发育期，并替换该范围：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>#%1: %2, %3 → stage %4 (%5)</source>
        <translation>#%1：%2，%3 → 发育期 %4（%5）</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>and %n more</source>
        <translation>
            <numerusform>以及另外 %n 张</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The old ranges stay in the label history: Undo restores them.</source>
        <translation>旧范围保留在标签历史中：撤销即可恢复。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Replace the Range</source>
        <translation>替换范围(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Replace the Ranges</source>
        <translation>替换范围(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>&amp;Label Only the %n Image(s) Inside Their Range</source>
        <translation>
            <numerusform>仅标注范围内的 %n 张图像(&amp;L)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The labels could not be read: %1. Nothing was changed.</source>
        <translation>无法读取标签：%1。未做任何更改。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was labelled: the images keep their ranges.</source>
        <translation>未标注任何图像：图像保留其范围。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (was ranges %2)</source>
        <translation>%1（原范围 %2）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (was range %2)</source>
        <translation>%1（原范围 %2）</translation>
    </message>
    <message>
        <location filename="../ui/panels/ProjectPage.cpp" line="+86"/>
        <source>&amp;Filters</source>
        <translation>筛选(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the filters on labels, split and predictions</source>
        <translation>显示针对标签、数据划分和预测的筛选条件</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+2"/>
        <source>&amp;Labelling Keys</source>
        <translation>标注快捷键(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The keys that label, browse and undo (F1)</source>
        <translation>用于标注、浏览和撤销的按键（F1）</translation>
    </message>
    <message>
        <location filename="../ui/panels/ProjectPage.cpp" line="+12"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Fit Image</source>
        <translation>图像适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/panels/LabelMenu.cpp" line="-173"/>
        <source>%1 for the selected images (%2)</source>
        <translation>%1：作用于所选图像（%2）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+5"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recent &amp;Projects</source>
        <translation>最近的项目(&amp;P)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/panels/LabelMenu.cpp" line="-17"/>
        <source>&amp;Label</source>
        <translation>标注(&amp;L)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>&amp;Stage</source>
        <translation>发育期(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Range</source>
        <translation>发育期范围(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+9"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>Labeller Agreement</source>
        <translation>标注者一致性</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Similar Embryos</source>
        <translation>相似胚胎</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Image #%1 is hidden by the filter.</source>
        <translation>图像 #%1 被筛选器隐藏。</translation>
    </message>
    <message>
        <location line="+161"/>
        <location filename="../ui/panels/WelcomePage.cpp" line="+21"/>
        <source>FlyStage</source>
        <translation>FlyStage</translation>
    </message>
    <message>
        <location filename="../ui/panels/WelcomePage.cpp" line="+7"/>
        <source>Stage Drosophila embryos in in-situ hybridization images.</source>
        <translation>判定原位杂交图像中果蝇胚胎的发育期。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New Project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../ui/panels/ProjectPage.cpp" line="+10"/>
        <source>&lt;p&gt;&lt;b&gt;No images yet.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Import a labels CSV, a folder of images or a BDGP dump.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;尚无图像。&lt;/b&gt;&lt;/p&gt;&lt;p&gt;请导入标签 CSV、图像文件夹或 BDGP 转储。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import Images…</source>
        <translation>导入图像…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import images</source>
        <translation>导入图像</translation>
    </message>
    <message>
        <location filename="../ui/panels/LabelHistoryDock.cpp" line="+12"/>
        <source>Label history</source>
        <translation>标注历史</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every labelling action of this project; click one to undo or redo up to it</source>
        <translation>此项目的所有标注操作；单击某一项可撤销或重做到该步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;opened project&gt;</source>
        <translation>&lt;已打开的项目&gt;</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Label History</source>
        <translation>标注历史</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Show the list of labelling actions</source>
        <translation>显示标注操作列表</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/ProjectDialogs.cpp" line="+27"/>
        <location line="+7"/>
        <source>Import Running</source>
        <translation>导入正在进行</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Wait for the import to finish, or cancel it, before opening another project.</source>
        <translation>请等待导入完成或取消导入，然后再打开其他项目。</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Cannot Open Project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 could not be opened.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="-241"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/ProjectDialogs.cpp" line="-19"/>
        <source>Open Read-Only?</source>
        <translation>以只读方式打开？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FlyStage may not write %1.</source>
        <translation>FlyStage 无权写入 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You can open it read-only to browse the images, labels, runs and predictions, show saliency and export figures. Labelling, import, training and Predict All need a copy you can write.</source>
        <translation>您可以以只读方式打开它，浏览图像、标注、训练运行和预测，显示显著性图并导出图表。标注、导入、训练和“预测所有图像”需要一个您有写入权限的副本。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;Read-Only</source>
        <translation>以只读方式打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+34"/>
        <location line="+215"/>
        <source>The project is open read-only</source>
        <translation>项目以只读方式打开</translation>
    </message>
    <message>
        <location line="-209"/>
        <source>An import is already running.</source>
        <translation>已有导入正在进行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/ProjectDialogs.cpp" line="-33"/>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Project Exists</source>
        <translation>项目已存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists. Open it with Open Project, or choose another name.</source>
        <translation>%1 已存在。请通过“打开项目”打开它，或选择其他名称。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/panels/RunsWorkspace.cpp" line="+40"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs and Evaluation</source>
        <translation>运行与评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expression Maps</source>
        <translation>表达图谱</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Predict All Images</source>
        <translation>预测所有图像(&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Predict the stage of every image with the selected run and keep the predictions, so the browser filters and sorts by them (Ctrl+Shift+R)</source>
        <translation>用所选运行预测每张图像的发育期并保存预测结果，以便浏览器按其筛选和排序（Ctrl+Shift+R）</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Run #%1 predicted %n image(s).</source>
        <translation>
            <numerusform>运行 #%1 已预测 %n 张图像。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prediction cancelled; nothing was stored.</source>
        <translation>预测已取消；未保存任何内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prediction Failed</source>
        <translation>预测失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The predictions were not stored: %1</source>
        <translation>预测结果未保存：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Run #%1 finished.</source>
        <translation>运行 #%1 已完成。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run #%1 cancelled; it can be resumed.</source>
        <translation>运行 #%1 已取消；可以继续。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run #%1 failed.</source>
        <translation>运行 #%1 失败。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose a run in the browser&apos;s filters (Predictions of) to see its saliency.</source>
        <translation>请在浏览器的筛选条件（运行）中选择一个运行，以查看其显著性。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Computing the saliency of image #%1…</source>
        <translation>正在计算图像 #%1 的显著性…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saliency (%1) of stage %2 for image #%3 (p = %4).</source>
        <translation>图像 #%3 对发育期 %2 的显著性（%1）（p = %4）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>No saliency: %1</source>
        <translation>无显著性：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Export Model…</source>
        <translation>导出模型(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the selected finished run&apos;s model to one file that another project can import</source>
        <translation>将所选已完成运行的模型写入一个文件，供其他项目导入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import Model…</source>
        <translation>导入模型(&amp;I)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a model exported from another project as a run of this one, to stage its images</source>
        <translation>将从其他项目导出的模型添加为本项目的一个运行，用于判断本项目图像的发育期</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The model was exported to %1.</source>
        <translation>模型已导出到 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+87"/>
        <location line="+8"/>
        <source>Export Model</source>
        <translation>导出模型</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>The model was not exported: %1</source>
        <translation>模型未导出：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+7"/>
        <location line="+9"/>
        <location line="+80"/>
        <source>Import Model</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>This model is already in the project as run #%1; nothing was added.</source>
        <translation>该模型已作为运行 #%1 存在于项目中；未添加任何内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The model was imported as run #%1.</source>
        <translation>模型已作为运行 #%1 导入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model was imported as run #%1 (%2). Predict the stage of every image with it now?</source>
        <translation>模型已作为运行 #%1（%2）导入。现在用它预测每张图像的发育期吗？</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The model was not imported; the project is unchanged: %1</source>
        <translation>模型未导入；项目未更改：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Predict All Images</source>
        <translation>预测所有图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Select a finished run under Runs and Evaluation first.</source>
        <translation>请先在“运行与评估”中选择一个已完成的运行。</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>A prediction is already running.</source>
        <translation>已有预测正在运行。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>FlyStage models (*.flystage-model)</source>
        <translation>FlyStage 模型 (*.flystage-model)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>FlyStage models (*.flystage-model);;All files (*)</source>
        <translation>FlyStage 模型 (*.flystage-model);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/ProjectDialogs.cpp" line="+53"/>
        <source>About FlyStage</source>
        <translation>关于 FlyStage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h3&gt;FlyStage %1&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;FlyStage %1&lt;/h3&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;Stages &lt;i&gt;Drosophila&lt;/i&gt; embryos in in-situ hybridization images: import, label, train and predict developmental stages.&lt;/p&gt;&lt;p&gt;Built with Qt %1, running on Qt %2; OpenCV %3.&lt;/p&gt;&lt;p&gt;%4&lt;/p&gt;</source>
        <translation>&lt;p&gt;判定原位杂交图像中果蝇（&lt;i&gt;Drosophila&lt;/i&gt;）胚胎的发育期：导入、标注、训练并预测发育期。&lt;/p&gt;&lt;p&gt;基于 Qt %1 构建，运行于 Qt %2；OpenCV %3。&lt;/p&gt;&lt;p&gt;%4&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="+123"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 张图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n unlabelled</source>
        <translation>
            <numerusform>%n 张未标注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n with a precise stage</source>
        <translation>
            <numerusform>%n 张有精确发育期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Run %1: %n image(s) of stage %2 predicted as %3</source>
        <translation>
            <numerusform>运行 %1：%n 张发育期 %2 的图像被预测为 %3</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/panels/LabelMenu.cpp" line="+39"/>
        <source>The label-next queue ranks a run&apos;s predictions: train a model and store its predictions first.</source>
        <translation>待标注队列依据某次运行的预测进行排序：请先训练模型并存储其预测。</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Label next: %n image(s), least confident first</source>
        <translation>
            <numerusform>待标注：%n 张图像，置信度最低的优先</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/model/LabelKeys.cpp" line="+16"/>
        <source>Select an image to label first.</source>
        <translation>请先选择要标注的图像。</translation>
    </message>
    <message>
        <location filename="../ui/model/DisplayNames.cpp" line="+86"/>
        <location filename="../ui/model/LabelKeys.cpp" line="+9"/>
        <source>Stage %1</source>
        <translation>发育期 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/model/LabelKeys.cpp" line="+5"/>
        <source>Range %1</source>
        <translation>发育期范围 %1</translation>
    </message>
    <message>
        <location line="-7"/>
        <location filename="../ui/model/LabelKeys.cpp" line="+5"/>
        <source>No label</source>
        <translation>无标签</translation>
    </message>
    <message>
        <location filename="../ui/model/LabelKeys.cpp" line="+7"/>
        <source>No prediction to accept: choose a run with predictions under Filters &gt; Run.</source>
        <translation>没有可接受的预测：请在“筛选 &gt; 运行”中选择一个有预测的运行。</translation>
    </message>
    <message>
        <location filename="../ui/model/DisplayNames.cpp" line="+2"/>
        <location filename="../ui/model/LabelKeys.cpp" line="+6"/>
        <source>Predicted stage %1</source>
        <translation>预测发育期 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../ui/model/LabelKeys.cpp" line="+2"/>
        <source>Predicted stages</source>
        <translation>预测发育期</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../ui/model/LabelKeys.cpp" line="+5"/>
        <source>%1 for image #%2</source>
        <translation>图像 #%2：%1</translation>
    </message>
    <message numerus="yes">
        <location line="-4"/>
        <location filename="../ui/model/LabelKeys.cpp" line="+3"/>
        <source>%1 for %n image(s)</source>
        <translation>
            <numerusform>%n 张图像：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dialogs/ProjectDialogs.cpp" line="+11"/>
        <source>Labelling Keys</source>
        <translation>标注快捷键</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Labelling keys</source>
        <translation>标注快捷键</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+48"/>
        <source>FlyStage — %1 (read-only)</source>
        <translation>FlyStage — %1（只读）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FlyStage — %1</source>
        <translation>FlyStage — %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open or create a project first</source>
        <translation>请先打开或创建项目</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The project is open read-only: labels cannot be saved. Open a copy you can write to label. Nothing was changed.</source>
        <translation>项目以只读方式打开：无法保存标注。如需标注，请打开一个您有写入权限的副本。未做任何更改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Labels cannot be saved while an import is running: it holds the project until it ends. Label again when it has finished. Nothing was changed.</source>
        <translation>导入进行中，无法保存标注：导入结束前会一直占用该项目。请在导入完成后重新标注。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../ui/panels/WelcomePage.cpp" line="+39"/>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+17"/>
        <source>&amp;%1  %2</source>
        <translation>&amp;%1  %2</translation>
    </message>
    <message>
        <location filename="../ui/panels/WelcomePage.cpp" line="+7"/>
        <source>Open recent project %1</source>
        <translation>打开最近的项目 %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+7"/>
        <source>Clear Menu</source>
        <translation>清空菜单</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/ProjectDialogs.cpp" line="-30"/>
        <source>Import cancelled; the project is unchanged.</source>
        <translation>导入已取消；项目未更改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Import refused: %n problem(s); nothing was imported.</source>
        <translation>
            <numerusform>导入被拒绝：%n 个问题；未导入任何内容。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Imported %n image(s).</source>
        <translation>
            <numerusform>已导入 %n 张图像。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-12"/>
        <source>An import is running. Cancel it and quit? The project stays as it was before the import.</source>
        <translation>导入正在进行。要取消导入并退出吗？项目将保持导入前的状态。</translation>
    </message>
</context>
<context>
    <name>flystage::ui::OrientationRow</name>
    <message>
        <location filename="../ui/views/OrientationRow.cpp" line="+38"/>
        <source>How the standardizer oriented this image: anterior left and dorsal up where the embryo&apos;s shape made that clear (a flip needs 50% confidence)</source>
        <translation>标准化如何确定此图像的方向：在胚胎形状足够明确时使前端朝左、背侧朝上（翻转需要 50% 置信度）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Undo automatic flip</source>
        <translation>撤销自动翻转</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this image as it came, without the automatic flip (stored in the project; press again to flip it back)</source>
        <translation>按原样显示此图像，不做自动翻转（保存在项目中；再按一次可翻转回来）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flip A-P</source>
        <translation>前后翻转</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swap anterior and posterior of this image (stored in the project)</source>
        <translation>交换此图像的前端和后端（保存在项目中）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flip D-V</source>
        <translation>背腹翻转</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swap dorsal and ventral of this image (stored in the project)</source>
        <translation>交换此图像的背侧和腹侧（保存在项目中）</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Storing the orientation…</source>
        <translation>正在保存方向…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stored. Predict again for this image: its prediction was made on the old pixels.</source>
        <translation>已保存。请重新预测此图像：它的预测基于旧的像素。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The orientation was not stored: %1</source>
        <translation>方向未保存：%1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Passed through as a standardized crop, never flipped automatically (cues: A-P %1%, D-V %2%)</source>
        <translation>作为已标准化的裁剪图直接使用，从不自动翻转（线索：前后 %1%，背腹 %2%）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Flipped anterior-posterior and dorsal-ventral automatically (confidence: A-P %1%, D-V %2%)</source>
        <translation>已自动进行前后和背腹翻转（置信度：前后 %1%，背腹 %2%）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Flipped anterior-posterior automatically (confidence: A-P %1%, D-V %2%)</source>
        <translation>已自动进行前后翻转（置信度：前后 %1%，背腹 %2%）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Flipped dorsal-ventral automatically (confidence: A-P %1%, D-V %2%)</source>
        <translation>已自动进行背腹翻转（置信度：前后 %1%，背腹 %2%）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not flipped automatically (confidence: A-P %1%, D-V %2%)</source>
        <translation>未自动翻转（置信度：前后 %1%，背腹 %2%）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>automatic flip undone: shown as imported</source>
        <translation>已撤销自动翻转：按导入时的样子显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unsure: check it</source>
        <translation>不确定：请检查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>flipped by hand: A-P and D-V</source>
        <translation>手动翻转：前后和背腹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flipped by hand: A-P</source>
        <translation>手动翻转：前后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flipped by hand: D-V</source>
        <translation>手动翻转：背腹</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The project is open read-only: the orientation cannot be changed</source>
        <translation>项目以只读方式打开：无法更改方向</translation>
    </message>
</context>
<context>
    <name>flystage::ui::PredictController</name>
    <message>
        <location filename="../ui/dialogs/PredictProgressDialog.cpp" line="+29"/>
        <source>Predicting every image with run #%1…</source>
        <translation>正在用运行 #%1 预测每张图像…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Predict All Images</source>
        <translation>预测所有图像</translation>
    </message>
</context>
<context>
    <name>flystage::ui::PreferencesDialog</name>
    <message>
        <location filename="../ui/dialogs/PreferencesDialog.cpp" line="+22"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Default device</source>
        <translation>默认设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic (GPU when there is one)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>CUDA GPU (%n found)</source>
        <translation>
            <numerusform>CUDA GPU（找到 %n 个）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUDA GPU (none found)</source>
        <translation>CUDA GPU（未找到）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where training and prediction run unless a run says otherwise</source>
        <translation>训练和预测默认运行的位置（除非某次运行另行指定）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CPU threads</source>
        <translation>CPU 线程</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All cores (%1)</source>
        <translation>所有核心（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Threads LibTorch uses on the CPU; fewer leave cores for other work</source>
        <translation>LibTorch 在 CPU 上使用的线程数；较少的线程可为其他任务留出核心</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thumbnail cache size</source>
        <translation>缩略图缓存大小</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory for decoded thumbnails; about 40 KiB each</source>
        <translation>用于已解码缩略图的内存；每张约 40 KiB</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The language of FlyStage&apos;s windows; applies at the next start</source>
        <translation>FlyStage 窗口的语言；下次启动时生效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call the most probable stage inside the known range</source>
        <translation>在已知范围内判定最可能的发育期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When an image has a stage range (4-6 to 13-17), Predict calls the most probable stage inside it; the unconstrained call is kept beside it. Applies to the next prediction</source>
        <translation>当图像有发育期范围（4-6 至 13-17）时，预测会判定该范围内最可能的发育期；无约束的判定结果一并保留。从下一次预测起生效</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Labeller name</source>
        <translation>标注者姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unnamed</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recorded with every label you set, so images labelled by two people give their agreement (Cohen&apos;s kappa); empty: unnamed, not counted</source>
        <translation>随您设置的每个标注一起记录，因此两人标注的图像可得出他们的一致性（Cohen kappa）；留空：未命名，不计入</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What this machine offers, as LibTorch reports it</source>
        <translation>LibTorch 报告的本机可用资源</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Default &amp;device:</source>
        <translation>默认设备(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found:</source>
        <translation>已找到：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU &amp;threads:</source>
        <translation>CPU 线程(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Thumbnail cache:</source>
        <translation>缩略图缓存(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Prediction:</source>
        <translation>预测(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labeller &amp;name:</source>
        <translation>标注者姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A new language applies when FlyStage starts again.</source>
        <translation>新语言将在 FlyStage 下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>flystage::ui::RunsPanel</name>
    <message>
        <location filename="../ui/panels/RunsPanel.cpp" line="+83"/>
        <source>Runs and evaluation</source>
        <translation>运行与评估</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Resume Run</source>
        <translation>恢复运行(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continue the current run (cancelled, failed or interrupted) from its last finished epoch</source>
        <translation>从最后完成的轮次继续当前运行（已取消、失败或已中断）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re&amp;load Runs</source>
        <translation>重新加载运行(&amp;L)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the project&apos;s runs again (%1)</source>
        <translation>重新读取项目的运行（%1）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Training runs</source>
        <translation>训练运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The project&apos;s training runs. Select several (Ctrl or Shift) to compare their per-stage accuracy side by side.</source>
        <translation>项目的训练运行。选择多个（Ctrl 或 Shift）可并排比较其各发育期准确率。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean/stage (%)</source>
        <translation>平均/发育期 (%)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean per-stage test accuracy of a finished run</source>
        <translation>已完成运行的各发育期平均测试准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training time, pauses left out</source>
        <translation>训练时间（不含暂停）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Runs status</source>
        <translation>运行状态</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>R&amp;un:</source>
        <translation>运行(&amp;U)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run of the confusion matrix</source>
        <translation>混淆矩阵对应的运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which of the selected finished runs the matrix shows</source>
        <translation>矩阵显示所选已完成运行中的哪一个</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+256"/>
        <source>Click a cell to show its test images.</source>
        <translation>单击单元格可显示其中的测试图像。</translation>
    </message>
    <message>
        <location line="-254"/>
        <source>Confusion matrix status</source>
        <translation>混淆矩阵状态</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run settings</source>
        <translation>运行设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every setting of the current run, with the versions it ran with</source>
        <translation>当前运行的全部设置，以及运行时所用的版本</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per-stage &amp;accuracy</source>
        <translation>各发育期准确率(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confusion &amp;matrix</source>
        <translation>混淆矩阵(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Test sets of the selected runs</source>
        <translation>所选运行的测试集</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Marked as running, but not by this window: another FlyStage may be training it, or its process ended without finishing (then resume it)</source>
        <translation>标记为正在运行，但不是由此窗口运行：可能有另一个 FlyStage 正在训练它，或其进程未完成即已结束（此时请恢复该运行）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No runs yet: train a model in the Training panel.</source>
        <translation>尚无运行：请在“训练”面板中训练模型。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The runs could not be read: %1</source>
        <translation>无法读取运行：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a project to see its runs.</source>
        <translation>打开项目以查看其运行。</translation>
    </message>
    <message numerus="yes">
        <location line="+64"/>
        <source>%1 on %n test image(s)</source>
        <translation>
            <numerusform>%1，%n 张测试图像</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>These runs were evaluated on different test sets: %1 (another split seed, a re-split or changed test labels lie between them); their figures are not measured on the same images.</source>
        <translation>这些运行是在不同的测试集上评估的：%1（其间有不同的划分种子、重新划分或测试标签的更改）；它们的数值并非在相同图像上测得。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>#%1 %2 (%3, seed %4)</source>
        <translation>#%1 %2（%3，种子 %4）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Select a finished run to see its confusion matrix.</source>
        <translation>选择一个已完成的运行以查看其混淆矩阵。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Run #%1: %2, preset %3, seed %4</source>
        <translation>运行 #%1：%2，预设 %3，种子 %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status: %1 · device %2 · started %3 · duration %4</source>
        <translation>状态：%1 · 设备 %2 · 开始于 %3 · 时长 %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings:</source>
        <translation>设置：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Versions: %1</source>
        <translation>版本：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Run #%1: %n test image(s) of stage %2 predicted as %3.</source>
        <translation>
            <numerusform>运行 #%1：%n 张发育期 %2 的测试图像被预测为 %3。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flystage::ui::SimilarEmbryosPanel</name>
    <message>
        <location filename="../ui/panels/SimilarEmbryosPanel.cpp" line="+41"/>
        <source>Find &amp;Similar Embryos</source>
        <translation>查找相似胚胎(&amp;S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>List the embryos most like the shown image by the shown run&apos;s learned feature (Ctrl+Alt+F)</source>
        <translation>按所显示运行学到的特征列出与所显示图像最相似的胚胎（Ctrl+Alt+F）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a network run in the browser and an image, then Find Similar Embryos.</source>
        <translation>请在浏览器中选择一个网络运行和一张图像，然后查找相似胚胎。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage</source>
        <translation>发育期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gene</source>
        <translation>基因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Call</source>
        <translation>判定</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Indexing the run&apos;s features: %1 of %2 images…</source>
        <translation>正在为运行的特征建立索引：%1 / %2 张图像…</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n embryo(s) most like image #%1 by run #%2</source>
        <translation>
            <numerusform>按运行 #%2 与图像 #%1 最相似的 %n 个胚胎</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelled; the index is kept as it was.</source>
        <translation>已取消；索引保持原样。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
</context>
<context>
    <name>flystage::ui::StageAccuracyPlot</name>
    <message>
        <location filename="../ui/views/StageAccuracyPlot.cpp" line="+22"/>
        <location line="+5"/>
        <source>Per-stage accuracy plot</source>
        <translation>各发育期准确率图</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Test accuracy of each stage 4..17, one bar per selected run. A missing bar: the run had no test image of that stage.</source>
        <translation>发育期 4..17 各自的测试准确率，每个所选运行一根柱。缺少柱表示该运行没有该发育期的测试图像。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stage</source>
        <translation>发育期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Test accuracy (%)</source>
        <translation>测试准确率 (%)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>stage-accuracy.png</source>
        <translation>stage-accuracy.png</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>#%1 %2 (seed %3): mean %4 %</source>
        <translation>#%1 %2（种子 %3）：平均 %4 %</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No finished run selected.</source>
        <translation>未选择已完成的运行。</translation>
    </message>
</context>
<context>
    <name>flystage::ui::StageAccuracyTable</name>
    <message>
        <location filename="../ui/views/StageAccuracyTable.cpp" line="+43"/>
        <source>Per-stage accuracy table</source>
        <translation>各发育期准确率表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test accuracy (%) of every stage and the summary figures of each selected run, as in the paper&apos;s Table II</source>
        <translation>各发育期的测试准确率 (%) 及每个所选运行的汇总指标，与论文表 II 相同</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mean/stage</source>
        <translation>平均/发育期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>±1 stage</source>
        <translation>±1 发育期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MAE (stages)</source>
        <translation>MAE（发育期）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors in range</source>
        <translation>范围内错误</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test images</source>
        <translation>测试图像</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The run&apos;s number</source>
        <translation>运行编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training method</source>
        <translation>训练方法</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed of the run</source>
        <translation>运行的种子</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Test accuracy of stage %1 (%); – when no test image has it</source>
        <translation>发育期 %1 的测试准确率 (%)；若无该发育期的测试图像则为 –</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean of the per-stage accuracies (Table II&apos;s figure), %, with its 95 % interval over the test images in brackets</source>
        <translation>各发育期准确率的平均值（表 II 的数字），%，括号内为其在测试图像上的 95% 区间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of test images right, %</source>
        <translation>预测正确的测试图像比例，%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share predicted within one stage, %</source>
        <translation>预测误差在一个发育期以内的比例，%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean absolute stage error, in stages</source>
        <translation>平均绝对发育期误差（以发育期计）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the errors that stay inside the true stage range, %</source>
        <translation>仍落在真实发育期范围内的错误比例，%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of test images</source>
        <translation>测试图像数量</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Copy as Markdown</source>
        <translation>复制为 Markdown(&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy the table as Markdown, in the layout of the paper&apos;s Table II</source>
        <translation>将表格复制为 Markdown，格式与论文表 II 相同</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, range-constrained</source>
        <translation>%1，范围约束</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Each call kept inside the stage range a curator gave (%n of the test images had one)</source>
        <translation>
            <numerusform>每个判定都限制在策展人给出的发育期范围内（%n 张测试图像有范围）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Stage %1: %n test image(s)</source>
        <translation>
            <numerusform>发育期 %1：%n 张测试图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Mean per-stage accuracy (%) with its 95 % interval: a stratified bootstrap over the %n test image(s)</source>
        <translation>
            <numerusform>各发育期平均准确率（%）及其 95% 区间：对 %n 张测试图像的分层自助法</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n 个运行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flystage::ui::StageProbabilityChart</name>
    <message>
        <location filename="../ui/views/StageProbabilityChart.cpp" line="+14"/>
        <source>Probability of each stage</source>
        <translation>各发育期的概率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The chosen run&apos;s probability for each stage 4 to 17; the predicted stage is dark, the true stage is marked with ▲</source>
        <translation>所选运行对发育期 4 至 17 各自给出的概率；预测发育期以深色显示，真实发育期以 ▲ 标记</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stage</source>
        <translation>发育期</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>stage %1: %2%</source>
        <translation>发育期 %1：%2%</translation>
    </message>
</context>
<context>
    <name>flystage::ui::SummaryPanel</name>
    <message>
        <location filename="../ui/panels/SummaryPanel.cpp" line="+86"/>
        <source>Project summary</source>
        <translation>项目概要</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>images</source>
        <translation>张图像</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Unlabelled</source>
        <translation>未标注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images with neither a stage range nor a stage</source>
        <translation>既无发育期范围也无发育期的图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With a precise stage</source>
        <translation>有精确发育期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images labelled with one of the stages 1 to 17</source>
        <translation>标注为发育期 1 至 17 之一的图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Genes</source>
        <translation>基因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distinct genes named in the imported labels</source>
        <translation>导入的标签中出现的不同基因</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stage ranges</source>
        <translation>发育期范围</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stages %1–%2</source>
        <translation>发育期 %1–%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No image has a precise stage yet.</source>
        <translation>尚无图像具有精确发育期。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stage %1</source>
        <translation>发育期 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Split</source>
        <translation>数据划分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No image with a precise stage is in the split yet.</source>
        <translation>数据划分中尚无具有精确发育期的图像。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>%1; click to show them</source>
        <translation>%1；单击以显示</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n image(s) in the project</source>
        <translation>
            <numerusform>项目中共 %n 张图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Stage range %1: %n image(s)</source>
        <translation>
            <numerusform>发育期范围 %1：%n 张图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Stage %1: %n image(s)</source>
        <translation>
            <numerusform>发育期 %1：%n 张图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%1: %n image(s)</source>
        <translation>
            <numerusform>%1：%n 张图像</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flystage::ui::TrainingCurves</name>
    <message>
        <location filename="../ui/views/TrainingCurves.cpp" line="+59"/>
        <location line="+5"/>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Loss and accuracy after every epoch: training (solid) and validation (dashed). Dotted lines mark where a phase begins.</source>
        <translation>每轮结束后的损失和准确率：训练（实线）与验证（虚线）。点线标记各阶段的开始。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+64"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+2"/>
        <source>Training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Validation (mean per stage)</source>
        <translation>验证集（各发育期平均）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>training-curves.png</source>
        <translation>training-curves.png</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>kept: epoch %1 (%2)</source>
        <translation>保留：第 %1 轮（%2）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No epoch yet.</source>
        <translation>尚无轮次。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, epoch %2: training loss %3, accuracy %4 %; validation loss %5, mean per-stage accuracy %6 %.</source>
        <translation>%1，第 %2 轮：训练损失 %3，准确率 %4 %；验证损失 %5，各发育期平均准确率 %6 %。</translation>
    </message>
</context>
<context>
    <name>flystage::ui::TrainingPanel</name>
    <message>
        <location filename="../ui/panels/TrainingPanel.cpp" line="+36"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Pausing after the batch under way…</source>
        <translation>将在当前批次结束后暂停…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+360"/>
        <source>Training run #%1…</source>
        <translation>正在训练运行 #%1…</translation>
    </message>
    <message>
        <location line="-349"/>
        <source>Paused. Press Continue (%1) to go on; paused time does not count.</source>
        <translation>已暂停。按“继续”（%1）以继续；暂停时间不计入。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Start Training</source>
        <translation>开始训练(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new training run with these settings (%1)</source>
        <translation>使用这些设置开始新的训练运行（%1）</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+197"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="-194"/>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause the training before its next batch; press again to continue. Paused time does not count in the run&apos;s duration (%1)</source>
        <translation>在下一批次之前暂停训练；再次按下可继续。暂停时间不计入运行时长（%1）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Cancel Training</source>
        <translation>取消训练(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the training before its next batch. The run keeps its last finished epoch and can be resumed later (%1)</source>
        <translation>在下一批次之前停止训练。运行会保留最后完成的轮次，之后可以恢复（%1）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Resume Run</source>
        <translation>恢复运行(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continue the chosen interrupted run from its last finished epoch; it ends as an uninterrupted run would</source>
        <translation>从最后完成的轮次继续所选的已中断运行；其结果与未中断的运行相同</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingForm.cpp" line="+109"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the network learns: from scratch on stages (plain), range pretraining then stages (data-level), plus the feature level with the similarity loss (two-step, the paper&apos;s method), or the log-Gabor baseline</source>
        <translation>网络的学习方式：直接从头学习发育期（普通）、先进行发育期范围预训练再学习发育期（数据层面）、在此基础上加入带相似性损失的特征层面（两步法，论文所用方法），或 log-Gabor 基线</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plain (stages from scratch)</source>
        <translation>普通（从头学习发育期）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data-level (ranges, then stages)</source>
        <translation>数据层面（先范围，后发育期）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two-step (data level, then feature level)</source>
        <translation>两步法（先数据层面，后特征层面）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two-step without L_S (CE only)</source>
        <translation>两步法（无 L_S，仅交叉熵）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gabor baseline</source>
        <translation>Gabor 基线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Method:</source>
        <translation>方法(&amp;M)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network size and input size, with the preset&apos;s documented training defaults: paper (GPU), fast and demo (CPU), tiny (tests)</source>
        <translation>网络规模和输入尺寸，以及该预设文档中的默认训练参数：paper（GPU）、fast 和 demo（CPU）、tiny（测试）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>P&amp;reset:</source>
        <translation>预设(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../ui/model/TrainSettings.cpp" line="+139"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the network trains: CUDA when a GPU is found (automatic), or always the CPU</source>
        <translation>网络的训练位置：找到 GPU 时使用 CUDA（自动），或始终使用 CPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+114"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingForm.cpp" line="+21"/>
        <source>No CUDA GPU was found by LibTorch</source>
        <translation>LibTorch 未找到 CUDA GPU</translation>
    </message>
    <message>
        <location filename="../ui/model/TrainSettings.cpp" line="-5"/>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Precision</source>
        <translation>数值精度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bfloat16 runs the forward pass in bfloat16: about 1.7x faster on a CPU with AVX-512 BF16, with the same accuracy; float32 gives the same run on every machine</source>
        <translation>bfloat16 以 bfloat16 计算前向传播：在支持 AVX-512 BF16 的 CPU 上约快 1.7 倍，准确率相同；float32 在每台机器上得到相同的训练结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bfloat16 (faster on this CPU)</source>
        <translation>bfloat16（在此 CPU 上更快）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bfloat16 (emulated: slower on this CPU)</source>
        <translation>bfloat16（模拟运行：在此 CPU 上更慢）</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Pre&amp;cision:</source>
        <translation>数值精度(&amp;C):</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>CPU threads</source>
        <translation>CPU 线程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads LibTorch uses on the CPU; 0 uses every core</source>
        <translation>LibTorch 在 CPU 上使用的线程数；0 表示使用所有核心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All cores</source>
        <translation>所有核心</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>CPU &amp;threads:</source>
        <translation>CPU 线程(&amp;T)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds the weights, the shuffles and the flips: the same seed and settings give the same model</source>
        <translation>用于初始化权重、打乱顺序和随机翻转：相同的种子和设置会得到相同的模型</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>S&amp;eed:</source>
        <translation>种子(&amp;E)：</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>How each phase&apos;s rate falls: by the factor below at fractions of the phase&apos;s length (step), smoothly to 0 (cosine), or at fixed epochs of every phase (the rule of older runs)</source>
        <translation>每个阶段的学习率如何下降：在阶段长度的若干比例处乘以下方系数（阶梯）、平滑降至 0（余弦），或在每个阶段的固定轮次处（旧运行的规则）</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>Fallbac&amp;k:</source>
        <translation>回退(&amp;K)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference fallback</source>
        <translation>参考回退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The references of a stage that no training image passes tau for: every training image of the stage (the authors&apos; code) or its single most confident image</source>
        <translation>没有训练图像超过 tau 的发育期的参考：该发育期的所有训练图像（作者代码的做法）或其最有把握的单张图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All images of the stage</source>
        <translation>该发育期的所有图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most confident image</source>
        <translation>最有把握的图像</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Temperat&amp;ure:</source>
        <translation>温度(&amp;U)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Similarity temperature</source>
        <translation>相似度温度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper variant: softmax(cosine / T); 1 is the paper, smaller values sharpen L_S</source>
        <translation>论文变体：softmax(余弦 / T)；1 即论文设置，较小的值使 L_S 更尖锐</translation>
    </message>
    <message>
        <location line="+74"/>
        <location filename="../ui/panels/TrainingForm.cpp" line="+10"/>
        <source>Continue from run</source>
        <translation>从运行继续</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingForm.cpp" line="+1"/>
        <source>Two-step only: start the feature level from a finished data-level or two-step run instead of pretraining again</source>
        <translation>仅限两步法：从已完成的数据层面或两步法运行开始特征层面训练，而不再重新预训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue &amp;from:</source>
        <translation>继续自(&amp;F)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fresh split, seed</source>
        <translation>新数据划分，种子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fresh split</source>
        <translation>新数据划分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw a new stratified train/validation/test split for this run (repeated-split evaluation); the project&apos;s own split is unchanged</source>
        <translation>为此运行重新抽取分层的训练集/验证集/测试集划分（重复划分评估）；项目自身的数据划分保持不变</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Split seed</source>
        <translation>数据划分种子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed of this run&apos;s own split</source>
        <translation>此运行自身数据划分的种子</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Split:</source>
        <translation>数据划分：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Optimisation</source>
        <translation>优化</translation>
    </message>
    <message>
        <location filename="../ui/model/TrainSettings.cpp" line="-265"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SGD learning rate of the range, fine and plain phases</source>
        <translation>范围、微调和普通阶段的 SGD 学习率</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Learning rate:</source>
        <translation>学习率(&amp;L)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Learning-rate steps</source>
        <translation>学习率阶梯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs at which the learning rate is multiplied by the factor below, e.g. &quot;20, 30&quot;</source>
        <translation>学习率乘以下方因子的轮次，例如“20, 30”</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Rate &amp;steps at epochs:</source>
        <translation>学习率阶梯所在轮次(&amp;S)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rate sc&amp;hedule:</source>
        <translation>学习率计划(&amp;H)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Learning-rate schedule</source>
        <translation>学习率计划</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Step at fractions of each phase</source>
        <translation>在每个阶段的比例处阶梯下降</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cosine to 0 over each phase</source>
        <translation>每个阶段内余弦降至 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed epochs (older runs)</source>
        <translation>固定轮次（旧运行）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rate dr&amp;ops at:</source>
        <translation>学习率下降于(&amp;O)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Learning-rate milestones</source>
        <translation>学习率里程碑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step schedule: fractions of each phase&apos;s epochs at which the rate is multiplied by the factor below, e.g. &quot;0.5, 0.75&quot; (a 16-epoch phase drops at epochs 9 and 13)</source>
        <translation>阶梯计划：学习率乘以下方系数的各阶段轮次比例，例如 &quot;0.5, 0.75&quot;（16 轮的阶段在第 9 和第 13 轮下降）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Learning-rate factor</source>
        <translation>学习率因子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Factor applied at each step</source>
        <translation>每一阶梯应用的因子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step &amp;factor:</source>
        <translation>阶梯因子(&amp;F)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SGD momentum</source>
        <translation>SGD 动量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Momentum:</source>
        <translation>动量(&amp;M)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>L2 weight decay of SGD</source>
        <translation>SGD 的 L2 权重衰减</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Weight decay:</source>
        <translation>权重衰减(&amp;W)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images per SGD step</source>
        <translation>每个 SGD 步骤的图像数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Batch size:</source>
        <translation>批大小(&amp;B)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Random flips</source>
        <translation>随机翻转</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flip training images horizontally and vertically with probability 0.5 (not in the feature level)</source>
        <translation>以 0.5 的概率对训练图像进行水平和垂直翻转（特征层面除外）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Model selectio&amp;n:</source>
        <translation>模型选择(&amp;N)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model selection</source>
        <translation>模型选择</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which epoch each phase keeps. Automatic: the lowest validation loss when every stage has enough validation images, else the last epoch, with the validation images trained on (one image per stage cannot tell epochs apart)</source>
        <translation>每个阶段保留哪一轮。自动：当每个发育期都有足够的验证图像时取验证损失最低的一轮，否则取最后一轮，并用验证图像参与训练（每个发育期一张图像无法区分各轮）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last epoch</source>
        <translation>最后一轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lowest validation loss</source>
        <translation>最低验证损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best validation accuracy (ties: loss)</source>
        <translation>最佳验证准确率（并列时看损失）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First best validation accuracy</source>
        <translation>首个最佳验证准确率</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Validation images per sta&amp;ge:</source>
        <translation>每个发育期的验证图像(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation images per stage for selection</source>
        <translation>用于选择的每个发育期验证图像数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic selection: the validation images every stage needs before the epochs are compared</source>
        <translation>自动选择：在比较各轮之前每个发育期需要的验证图像数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Plain epochs</source>
        <translation>普通训练轮数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epochs of plain training</source>
        <translation>普通训练的轮数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Plain epochs:</source>
        <translation>普通训练轮数(&amp;P)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Range epochs</source>
        <translation>范围训练轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs of range pretraining (data-level step 1)</source>
        <translation>发育期范围预训练的轮数（数据层面第 1 步）</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Range epochs:</source>
        <translation>范围训练轮数(&amp;R)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stage epochs</source>
        <translation>发育期训练轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs of stage fine-tuning (data-level step 2)</source>
        <translation>发育期微调的轮数（数据层面第 2 步）</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Stage &amp;epochs:</source>
        <translation>发育期训练轮数(&amp;E)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Feature-level epochs</source>
        <translation>特征层面轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs of the feature level (fine-tuning with the similarity loss)</source>
        <translation>特征层面的轮数（使用相似性损失进行微调）</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Feature-level e&amp;pochs:</source>
        <translation>特征层面轮数(&amp;P)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Feature-level learning rate</source>
        <translation>特征层面学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SGD learning rate of the feature level</source>
        <translation>特征层面的 SGD 学习率</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Feature-level r&amp;ate:</source>
        <translation>特征层面学习率(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingForm.cpp" line="+2"/>
        <source>Feature level</source>
        <translation>特征层面</translation>
    </message>
    <message>
        <location filename="../ui/model/TrainSettings.cpp" line="+9"/>
        <source>Similarity loss</source>
        <translation>相似性损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The paper&apos;s Eq. 4-6 (cosine between features) or the authors&apos; code (products of logits)</source>
        <translation>论文中的公式 4-6（特征间的余弦）或作者代码中的实现（logit 之积）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paper (cosine of features)</source>
        <translation>论文（特征余弦）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authors&apos; code (logits)</source>
        <translation>作者代码（logit）</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Similarity &amp;loss:</source>
        <translation>相似性损失(&amp;L)：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reference criterion</source>
        <translation>参考图像标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which training images may serve as references: probability above tau, or top-1 minus top-2 logit above tau</source>
        <translation>哪些训练图像可作为参考图像：概率高于 tau，或 top-1 与 top-2 logit 之差高于 tau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logit margin</source>
        <translation>Logit 差值</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Reference &amp;criterion:</source>
        <translation>参考图像标准(&amp;C)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tau</source>
        <translation>Tau</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Threshold for reference images</source>
        <translation>参考图像的阈值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Tau:</source>
        <translation>Tau(&amp;T)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reference sets</source>
        <translation>参考集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>k: reference sets drawn, one per batch</source>
        <translation>k：抽取的参考集数量，每批次一个</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Reference &amp;sets (k):</source>
        <translation>参考集 (k)(&amp;S)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Similarity weight</source>
        <translation>相似性权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>w in L = L_CE + w · L_S (the paper: 1)</source>
        <translation>L = L_CE + w · L_S 中的 w（论文中为 1）</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Similarity &amp;weight:</source>
        <translation>相似性权重(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingForm.cpp" line="+12"/>
        <source>Restore defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set every hyperparameter back to the preset&apos;s documented defaults</source>
        <translation>将所有超参数恢复为该预设文档中的默认值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore &amp;Defaults</source>
        <translation>恢复默认值(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingPanel.cpp" line="+41"/>
        <source>&amp;Interrupted runs:</source>
        <translation>已中断的运行(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interrupted runs</source>
        <translation>已中断的运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs that were cancelled, failed, or stopped with their process; resuming one repeats exactly what an uninterrupted run does</source>
        <translation>已取消、失败或随其进程一同停止的运行；恢复后的执行过程与未中断的运行完全相同</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingProgress.cpp" line="+23"/>
        <location line="+27"/>
        <source>Not training.</source>
        <translation>未在训练。</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The phase, epoch and batch being trained</source>
        <translation>正在训练的阶段、轮次和批次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training progress</source>
        <translation>训练进度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the run&apos;s training done, over all its phases</source>
        <translation>该运行所有阶段中已完成的训练比例</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Speed and time left</source>
        <translation>速度和剩余时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images per second in this epoch and the estimated time left; paused time is not counted</source>
        <translation>本轮每秒处理的图像数及预计剩余时间；不计暂停时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training status</source>
        <translation>训练状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the training is doing, or how it ended</source>
        <translation>训练当前的状态或结束方式</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingPanel.cpp" line="+26"/>
        <source>Open a project to train a model.</source>
        <translation>打开项目以训练模型。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+116"/>
        <source>The project is open read-only: training needs a copy you can write.</source>
        <translation>项目以只读方式打开：训练需要一个您有写入权限的副本。</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingForm.cpp" line="+97"/>
        <source>None: pretrain first</source>
        <translation>无：先进行预训练</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingPanel.cpp" line="-27"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The runs could not be read: %1</source>
        <translation>无法读取运行：%1</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Why training cannot start</source>
        <translation>训练无法开始的原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the project needs before a run with these settings can train</source>
        <translation>使用这些设置训练之前项目还需要什么</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Import a labels CSV with a stage column (File &gt; Import Images…, Labels CSV)</source>
        <translation>导入带有 stage 列的标签 CSV（文件 &gt; 导入图像…，标签 CSV）</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>No image has a precise stage 4–17 to train on (%n image(s) have only a stage range).</source>
        <translation>
            <numerusform>没有带有精确发育期 4–17 的图像可供训练（%n 张图像只有发育期范围）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No image has a precise stage 4–17 to train on.</source>
        <translation>没有带有精确发育期 4–17 的图像可供训练。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, or label images with a stage (the digit keys in the browser).</source>
        <translation>%1，或为图像标注发育期（在浏览器中使用数字键）。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>None of the %n image(s) with a precise stage is in the training part (all are in validation or test). Label more images with a stage, or draw the split again (flystage-cli split --reset).</source>
        <translation>
            <numerusform>%n 张带有精确发育期的图像都不在训练集中（都在验证集或测试集中）。请为更多图像标注发育期，或重新划分数据（flystage-cli split --reset）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>The training part has one stage only (stage %1, %n image(s)); a classifier needs at least two. %2, or label images of other stages.</source>
        <translation>
            <numerusform>训练集中只有一个发育期（发育期 %1，%n 张图像）；分类器至少需要两个。%2，或为其他发育期的图像加标签。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Two-step needs a training image of every stage 4–17 (its feature level takes a reference image of each); none of stage %1. Label or import images of those stages, or choose the data-level method.</source>
        <translation>两步法需要每个发育期 4–17 都有训练图像（其特征层面为每个发育期取一张参考图像）；发育期 %1 没有。请标注或导入这些发育期的图像，或选择数据层面方法。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 pretrains on stage ranges, but no image outside the test part has a range a curator gave. Import the stage ranges (a labels CSV with a stage_range column), or choose the plain method.</source>
        <translation>%1 在发育期范围上进行预训练，但测试集之外没有任何图像带有策展人给出的范围。请导入发育期范围（带有 stage_range 列的标签 CSV），或选择普通方法。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Open a project first.</source>
        <translation>请先打开项目。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>There is no run #%1.</source>
        <translation>不存在运行 #%1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run #%1 has already finished.</source>
        <translation>运行 #%1 已完成。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run #%1 cannot be resumed (a Gabor run has no epochs); train it again.</source>
        <translation>运行 #%1 无法恢复（Gabor 运行没有轮次）；请重新训练。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Resume Run</source>
        <translation>恢复运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run #%1 is marked as running. Resume it only if no other FlyStage window or command is training it (its process was closed or crashed). Resume it here?</source>
        <translation>运行 #%1 被标记为正在运行。仅当没有其他 FlyStage 窗口或命令正在训练它（其进程已关闭或崩溃）时才可恢复。要在此处恢复吗？</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cancelling before the next batch…</source>
        <translation>将在下一批次之前取消…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training cancelled.</source>
        <translation>训练已取消。</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingProgress.cpp" line="+21"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingPanel.cpp" line="+10"/>
        <source>Resuming run #%1…</source>
        <translation>正在恢复运行 #%1…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Starting a new run…</source>
        <translation>正在启动新运行…</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingProgress.cpp" line="+15"/>
        <source>%1: %2 of %3</source>
        <translation>%1：%2/%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phase %1 of %2: %3…</source>
        <translation>阶段 %1/%2：%3…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phase %1 of %2: %3 · epoch %4 of %5 · batch %6 of %7</source>
        <translation>阶段 %1/%2：%3 · 轮次 %4/%5 · 批次 %6/%7</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 images/s</source>
        <translation>%1 张图像/秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · about %1 left</source>
        <translation> · 约剩 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · %1 elapsed</source>
        <translation> · 已用 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Finished.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run #%1 finished.</source>
        <translation>运行 #%1 已完成。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run #%1 finished in %2: mean per-stage accuracy %3 % on %4 test images (within one stage: %5 %).</source>
        <translation>运行 #%1 用时 %2 完成：在 %4 张测试图像上的各发育期平均准确率为 %3 %（误差在一个发育期以内：%5 %）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run #%1 was cancelled. It keeps its last finished epoch: choose it under Interrupted runs and Resume to continue.</source>
        <translation>运行 #%1 已取消。它保留了最后完成的轮次：在“已中断的运行”中选择它并点击“恢复运行”即可继续。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Failed.</source>
        <translation>失败。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run #%1 failed: %2</source>
        <translation>运行 #%1 失败：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The run could not start: %1</source>
        <translation>运行无法启动：%1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+50"/>
        <source>Stage Drosophila embryos in in-situ hybridization images.</source>
        <translation>判定原位杂交图像中果蝇胚胎的发育期。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The .flystage project to open (default: the last one).</source>
        <translation>要打开的 .flystage 项目（默认：上次打开的项目）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bring a view to the front: browser, training, runs, confusion, gems, agreement or similar (with --image: the embryos most like it).</source>
        <translation>将某个视图置于前台：browser、training、runs、confusion、gems、agreement 或 similar（配合 --image：与其最相似的胚胎）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save a picture of the window to &lt;file&gt; once it is shown, then quit (documentation and smoke tests).</source>
        <translation>窗口显示后将其截图保存到 &lt;file&gt;，然后退出（用于文档和冒烟测试）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Milliseconds to wait before the screenshot (default 1500).</source>
        <translation>截图前等待的毫秒数（默认 1500）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show this run&apos;s predictions, evaluation and expression maps.</source>
        <translation>显示此运行的预测、评估和表达图谱。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select this image (its #id) and show it up close.</source>
        <translation>选择此图像（其 #编号）并放大显示。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Turn the image view&apos;s saliency overlay on, with this method: %1 (screenshots wait for the map).</source>
        <translation>用此方法打开图像视图的显著性叠加：%1（截图会等待显著性图）。</translation>
    </message>
</context>
</TS>
