#!/usr/bin/env python3
"""Generates the demo catalog: a few thousand outdoor, kitchen, music, ... items written by this project.

Deterministic (seeded), so every run loads the same items. Prints NDJSON for _bulk to stdout.
"""
import json
import random
import sys

TOPICS = {
    "hiking": (["waterproof hiking boots", "trekking poles", "daypack", "rain shell jacket", "merino base layer",
                "trail map of the Alps", "headlamp", "gaiters"],
               ["for long mountain days", "with a Vibram sole", "that stays dry in alpine storms",
                "for multi-day treks above the tree line", "light enough for fast summit pushes"]),
    "running": (["trail running shoes", "road racing flats", "running vest", "GPS running watch",
                 "compression socks", "marathon training plan"],
                ["with a rock plate for technical descents", "built for race day", "for ultramarathons",
                 "with responsive foam for tempo runs", "for muddy cross-country courses"]),
    "coffee": (["espresso machine", "burr coffee grinder", "pour-over kettle", "single-origin coffee beans",
                "milk frother", "cold brew jar"],
               ["for a rich crema at home", "with precise temperature control", "roasted in small batches",
                "for bright Ethiopian light roasts", "that makes cafe-quality lattes"]),
    "baking": (["sourdough starter kit", "cast iron dutch oven", "bread proofing basket", "stand mixer",
                "rye flour", "pastry cutter"],
               ["for crusty artisan loaves", "for slow overnight fermentation", "for flaky croissants",
                "that bakes an even crumb", "for weekend bread baking"]),
    "cycling": (["gravel bike", "carbon road bike frame", "cycling helmet", "bike repair stand", "clipless pedals",
                 "bikepacking frame bag"],
                ["for long gravel adventures", "that climbs fast in the mountains", "for safe city commuting",
                 "with hydraulic disc brakes", "for multi-day bikepacking routes"]),
    "jazz": (["jazz vinyl record", "tenor saxophone", "upright bass strings", "bebop songbook",
              "turntable with a built-in preamp", "big band live album"],
             ["recorded live at the Village Vanguard", "with warm analogue sound", "featuring modal improvisation",
              "from the golden age of bebop", "for late-night listening"]),
    "gardening": (["heirloom tomato seeds", "raised garden bed", "pruning shears", "organic compost",
                   "drip irrigation kit", "herb planter"],
                  ["for a productive vegetable patch", "that thrives in full sun", "for balcony container gardens",
                   "to keep soil moist in summer", "for growing basil and thyme"]),
    "astronomy": (["refracting telescope", "star chart", "astrophotography camera", "binoculars for stargazing",
                   "telescope eyepiece", "equatorial mount"],
                  ["to see the rings of Saturn", "for deep-sky galaxies and nebulae", "for dark-sky sites",
                   "with smooth sidereal tracking", "for observing the Moon's craters"]),
    "chess": (["wooden chess set", "chess clock", "book of chess openings", "endgame puzzle collection",
               "magnetic travel chess board"],
              ["for tournament play", "covering the Sicilian Defence", "to sharpen tactical vision",
               "for blitz and rapid games", "with weighted Staunton pieces"]),
    "swimming": (["swimming goggles", "wetsuit for open water", "swim fins", "pull buoy", "waterproof swim cap",
                  "kickboard"],
                 ["for open-water triathlons", "with anti-fog lenses", "for lap swimming drills",
                  "that keeps you warm in cold lakes", "to build a stronger freestyle kick"]),
}
BRANDS = ["Northpeak", "Alder & Co", "Bluefin", "Corvid", "Solstice", "Kestrel", "Larkspur", "Marlow", "Quill", "Tundra"]

# The Chinese catalog (scripts/demo.sh --lang zh), embedded with bge-small-zh-v1.5.
TOPICS_ZH = {
    "hiking": (["防水登山鞋", "登山杖", "徒步背包", "冲锋衣", "美利奴羊毛内衣", "头灯", "防雪绑腿"],
               ["适合长时间山地徒步", "采用耐磨大底", "高山暴雨中依然干爽", "适合多日高海拔穿越", "轻便适合快速登顶"]),
    "running": (["越野跑鞋", "竞速跑鞋", "跑步背心", "GPS运动手表", "压缩袜", "马拉松训练计划"],
                ["带防石板适合技术下坡", "专为比赛日打造", "适合超级马拉松", "回弹中底适合节奏跑", "适合泥泞越野赛道"]),
    "coffee": (["意式咖啡机", "磨豆机", "手冲壶", "单一产地咖啡豆", "奶泡机", "冷萃瓶"],
               ["在家做出浓郁油脂", "精准控温", "小批量烘焙", "适合明亮的埃塞俄比亚浅烘", "做出咖啡馆级拿铁"]),
    "baking": (["酸面包酵种套装", "铸铁珐琅锅", "面包发酵篮", "厨师机", "黑麦面粉", "酥皮切刀"],
               ["烤出外脆内软的欧包", "适合冷藏慢发酵", "做出层次分明的可颂", "烤出均匀的组织", "适合周末烘焙"]),
    "tea": (["紫砂壶", "西湖龙井", "普洱茶饼", "茶道六君子", "玻璃公道杯", "铁观音"],
            ["适合功夫茶冲泡", "明前采摘清香回甘", "越陈越香", "送礼体面", "适合办公室泡茶"]),
    "astronomy": (["折射式天文望远镜", "星图", "天文摄影相机", "观星双筒望远镜", "望远镜目镜", "赤道仪"],
                  ["能看到土星光环", "适合拍摄星系和星云", "适合暗夜观测", "跟踪平稳", "适合观察月球环形山"]),
    "chess": (["实木国际象棋", "棋钟", "围棋套装", "象棋残局题集", "磁性旅行棋盘"],
              ["适合正式比赛", "讲解经典开局", "提升计算能力", "适合快棋对局", "棋子手感厚重"]),
    "camping": (["双人露营帐篷", "羽绒睡袋", "户外炉头", "折叠露营椅", "营地灯"],
                ["防风防雨快速搭建", "零下也能保暖", "适合自驾露营", "收纳小巧便携", "适合林间过夜"]),
}
BRANDS_ZH = ["北峰", "松石", "青鸟", "远山", "晨光", "云杉", "白鹭", "长河"]


def items(count, seed=42, lang="en"):
    rng = random.Random(seed)
    topics, brands = (TOPICS_ZH, BRANDS_ZH) if lang == "zh" else (TOPICS, BRANDS)
    names = sorted(topics)
    for i in range(count):
        topic = names[i % len(names)]
        products, features = topics[topic]
        product = rng.choice(products)
        brand = rng.choice(brands)
        feature = rng.choice(features)
        # a model number keeps every title distinct
        model = f"{chr(65 + i % 26)}{i // 26 + 1}"
        yield {
            "id": f"item-{i:05d}",
            "title": f"{brand} {product} {model}型" if lang == "zh" else f"{brand} {product} {model}",
            "description": f"{brand}{product}，{feature}。" if lang == "zh" else f"{brand} {product} {feature}.",
            "category": topic,
            "price": round(rng.uniform(5, 500), 2),
        }


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    index = sys.argv[2] if len(sys.argv) > 2 else "items"
    lang = sys.argv[3] if len(sys.argv) > 3 else "en"
    for item in items(count, lang=lang):
        doc_id = item.pop("id")
        print(json.dumps({"index": {"_index": index, "_id": doc_id}}))
        print(json.dumps(item, ensure_ascii=False))


if __name__ == "__main__":
    main()
