import type { DomainModule } from '../../app/context.js';
import { channelFacts, channelJobs } from './channel-service.js';
import { chatInboundRoutes } from './inbound-routes.js';
import { noticeJobs } from './notice.js';
import { chatPageObserver, pageJobs } from './page-service.js';
import { chatRoutes } from './routes.js';

export const chatDomain: DomainModule = {
  name: 'chat',
  routes: (app, ctx) => {
    chatRoutes(app, ctx);
    chatInboundRoutes(app, ctx);
  },
  jobs: [...channelJobs, ...pageJobs, ...noticeJobs],
  facts: [channelFacts],
  pages: [chatPageObserver],
};
